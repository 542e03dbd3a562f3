import { describe, expect, it } from "vitest";
import { parseDigitalLink } from "./parse-digital-link";
import { rejectionOf } from "./testing";

describe("parseDigitalLink rejects", () => {
  it.each([
    [
      "",
      "This is not a GS1 Digital Link: one starts with https:// and a host name, followed by a path such as /01/ and the GTIN.",
    ],
    [
      "ftp://a.example/01/12312312312333",
      "This is not a GS1 Digital Link: one starts with https:// and a host name, followed by a path such as /01/ and the GTIN.",
    ],
    [
      "id.gs1.org/01/12312312312333",
      "This is not a GS1 Digital Link: one starts with https:// and a host name, followed by a path such as /01/ and the GTIN.",
    ],
    ["https:///01/12312312312333", "This Digital Link has no host name after its “//”."],
    [
      "https://a$b/01/12312312312333",
      "The Digital Link's host name “a$b” has characters a host name can't have.",
    ],
    [
      "https://user@a.example/01/12312312312333",
      "The Digital Link's host name “user@a.example” has characters a host name can't have.",
    ],
    [
      "https://a.example",
      "This web address is not a GS1 Digital Link: its path has no GS1 key such as /01/ followed by a GTIN.",
    ],
    [
      "https://a.example/",
      "This web address is not a GS1 Digital Link: its path has no GS1 key such as /01/ followed by a GTIN.",
    ],
    [
      "https://a.example/b",
      "This web address is not a GS1 Digital Link: its path has no GS1 key such as /01/ followed by a GTIN.",
    ],
    [
      "https://a.example/gtin/12312312312333",
      "This web address is not a GS1 Digital Link: its path has no GS1 key such as /01/ followed by a GTIN.",
    ],
    [
      "https://a.example/01",
      "This web address is not a GS1 Digital Link: its path has no GS1 key such as /01/ followed by a GTIN.",
    ],
    ["https://a.example/stem/00/006141411234567890/", "A Digital Link's path can't end with “/”."],
    [
      "https://a.example/01/09506000134352/10/A B",
      "A Digital Link can't contain “ ” as it is: a web address carries it percent-encoded.",
    ],
    [
      'https://a.example/01/09506000134352/10/A"B',
      "A Digital Link can't contain “\"” as it is: a web address carries it percent-encoded.",
    ],
    [
      "https://a.example/01/09506000134352/10/LÖT",
      "A Digital Link can't contain “Ö” as it is: a web address carries it percent-encoded.",
    ],
    // GTIN
    [
      "https://id.gs1.org/01/09506000134353",
      "The Digital Link's GTIN 09506000134353 has a wrong check digit: the last digit should be 2.",
    ],
    [
      "https://id.gs1.org/01/9506000134353",
      "A GTIN in a Digital Link has 14 digits: write 9506000134353 as 09506000134353.",
    ],
    [
      "https://id.gs1.org/01/09506000134",
      "The Digital Link's GTIN (01) must have 14 digits; it has 11.",
    ],
    [
      "https://id.gs1.org/01/0950600013437",
      "A GTIN in a Digital Link has 14 digits: write 0950600013437 as 00950600013437.",
    ],
    [
      "https://id.gs1.org/01/095060001343520",
      "The Digital Link's GTIN (01) must have 14 digits; it has 15.",
    ],
    [
      "https://id.gs1.org/01/0950600013435A",
      "The Digital Link's GTIN (01) may only contain digits, not “A”.",
    ],
    ["https://id.gs1.org/01//10/ABC", "The Digital Link's GTIN (01) is empty."],
    // Qualifiers: order, validity for the key, duplicates
    [
      "https://id.gs1.org/01/09520123456788/21/S1/10/L1",
      "In a Digital Link's path, (10) must come before (21).",
    ],
    [
      "https://id.gs1.org/01/09520123456788/10/L1/22/V1",
      "In a Digital Link's path, (22) must come before (10).",
    ],
    [
      "https://id.gs1.org/01/09520123456788/21/S1/22/V1",
      "In a Digital Link's path, (22) must come before (21).",
    ],
    [
      "https://id.gs1.org/01/09520123456788/10/L1/10/L2",
      "AI (10) appears twice in this Digital Link.",
    ],
    [
      "https://id.gs1.org/01/09520123456788/17/261231",
      "AI (17) can't follow (01) in a Digital Link's path; put it in the query string: ?17=….",
    ],
    [
      "https://id.gs1.org/01/09520123456788/254/X",
      "AI (254) can't follow (01) in a Digital Link's path.",
    ],
    [
      "https://id.gs1.org/00/106141411234567897/21/S1",
      "AI (21) can't follow (00) in a Digital Link's path.",
    ],
    [
      "https://id.gs1.org/414/9520123456788/10/L1",
      "AI (10) can't follow (414) in a Digital Link's path; put it in the query string: ?10=….",
    ],
    [
      "https://id.gs1.org/01/09520123456788/lot/L1",
      "The Digital Link's path has “lot” where an AI number should be.",
    ],
    [
      "https://id.gs1.org/01/09520123456788/89/ABC123?99=XYZ",
      "This Digital Link contains AI (89), which is not a GS1 Application Identifier.",
    ],
    ["https://id.gs1.org/01/09520123456788/21/", "A Digital Link's path can't end with “/”."],
    // Query string
    [
      "https://id.gs1.org/01/09520123456788/10/ABC123?99=XYZ789&10=ABC123",
      "AI (10) appears twice in this Digital Link.",
    ],
    [
      "https://id.gs1.org/01/09520123456788/10/ABC123?99=XYZ789&01=09520123456788",
      "AI (01) appears twice in this Digital Link.",
    ],
    [
      "https://id.gs1.org/01/09520123456788/10/ABC123?99=XYZ789&99=XYZ789",
      "AI (99) appears twice in this Digital Link.",
    ],
    [
      "https://example.com/01/09520123456788?10=ABC123",
      "AI (10) belongs in the Digital Link's path (…/10/{value}), not in its query string.",
    ],
    [
      "https://example.com/01/09520123456788?21=S1",
      "AI (21) belongs in the Digital Link's path (…/21/{value}), not in its query string.",
    ],
    [
      "https://example.com/01/09520123456788?8200=https%3A%2F%2Fx.example",
      "AI (8200) can't be carried in a Digital Link's query string.",
    ],
    [
      "https://example.com/01/09520123456788?99=XYZ&89=ABC123",
      "This Digital Link contains AI (89), which is not a GS1 Application Identifier.",
    ],
    [
      "https://a.example/01/12312312312333?99=ABC&999=faux",
      "This Digital Link contains AI (999), which is not a GS1 Application Identifier.",
    ],
    [
      "https://a.example/01/12312312312333?99=",
      "The Digital Link's company internal information (99) is empty.",
    ],
    [
      "https://a.example/01/12312312312333?17=261331",
      "The Digital Link's expiry date (17) 261331 is not a valid date (YYMMDD): there is no month 13.",
    ],
    [
      "https://a.example/01/12312312312333/22/ABC%2d123?99=ABC&98=XYZ+987",
      `The Digital Link's company internal information (98) may only contain letters, digits and ! " % & ' ( ) * + , - . / : ; < = > ? _, not “ ”.`,
    ],
    [
      "https://a.example/01/12312312312333/10/AB%4",
      "The Digital Link's lot code (10) has a “%” that is not followed by two hexadecimal digits; a “%” in a value is written %25.",
    ],
    [
      "https://a.example/01/12312312312333/10/AB%00",
      "The Digital Link's lot code (10) may only contain letters, digits and ! \" % & ' ( ) * + , - . / : ; < = > ? _, not U+0000.",
    ],
    [
      "https://a.example/01/12312312312333/10/L%C3%96T",
      `The Digital Link's lot code (10) may only contain letters, digits and ! " % & ' ( ) * + , - . / : ; < = > ? _, not “Ö”.`,
    ],
    [
      `https://a.example/01/12312312312333/10/${"L".repeat(21)}`,
      "The Digital Link's lot code (10) may have at most 20 characters; it has 21.",
    ],
    // Associations
    [
      "https://a.example/00/106141411234567897?37=25",
      "The Digital Link's count of trade items (37) is only valid together with AI (02) or AI (8026).",
    ],
    [
      "https://a.example/00/106141411234567897?02=09520123456788",
      "The Digital Link's GTIN of the contained items (02) is only valid together with AI (37).",
    ],
    [
      "https://a.example/01/12312312312333?02=09520123456788&37=1",
      "AI (01) and AI (37) can't be in the same Digital Link.",
    ],
    [
      "https://a.example/01/12312312312333?3102=000100&3103=000010",
      "AI (3102) and AI (3103) can't be in the same Digital Link: both give the net weight in kg.",
    ],
  ])("%s", (uri, message) => {
    expect(rejectionOf(() => parseDigitalLink(uri))).toBe(message);
  });
});
