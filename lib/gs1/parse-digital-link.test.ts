import { describe, expect, it } from "vitest";
import { parseDigitalLink } from "./parse-digital-link";

const aisOf = (uri: string) => [...parseDigitalLink(uri).ais];

describe("parseDigitalLink accepts", () => {
  it.each([
    // Examples from the GS1 Digital Link standard
    ["https://id.gs1.org/01/09520123456788", [["01", "09520123456788"]]],
    [
      "https://id.gs1.org/01/09520123456788/22/2A",
      [
        ["01", "09520123456788"],
        ["22", "2A"],
      ],
    ],
    [
      "https://id.gs1.org/01/09520123456788/10/ABC123",
      [
        ["01", "09520123456788"],
        ["10", "ABC123"],
      ],
    ],
    [
      "https://id.gs1.org/01/09520123456788/21/12345",
      [
        ["01", "09520123456788"],
        ["21", "12345"],
      ],
    ],
    [
      "https://id.gs1.org/01/09520123456788/10/ABC1/21/12345?17=180426",
      [
        ["01", "09520123456788"],
        ["10", "ABC1"],
        ["21", "12345"],
        ["17", "180426"],
      ],
    ],
    [
      "https://id.gs1.org/01/09520123456788?3103=000195",
      [
        ["01", "09520123456788"],
        ["3103", "000195"],
      ],
    ],
    [
      "https://example.com/01/09520123456788?3103=000195&17=201225",
      [
        ["01", "09520123456788"],
        ["3103", "000195"],
        ["17", "201225"],
      ],
    ],
    ["https://id.gs1.org/00/952012345678912345", [["00", "952012345678912345"]]],
    [
      "https://id.gs1.org/00/952012345678912345?02=09520123456788&37=25&10=ABC123",
      [
        ["00", "952012345678912345"],
        ["02", "09520123456788"],
        ["37", "25"],
        ["10", "ABC123"],
      ],
    ],
    ["https://id.gs1.org/414/9520123456788", [["414", "9520123456788"]]],
    [
      "https://id.gs1.org/414/9520123456788/254/32a%2Fb",
      [
        ["414", "9520123456788"],
        ["254", "32a/b"],
      ],
    ],
    // A brand's own domain and path before the key
    ["https://brand.example.com/01/09520123456788", [["01", "09520123456788"]]],
    ["https://brand.example.com/some-extra/pathinfo/01/09520123456788", [["01", "09520123456788"]]],
    // BWIPP's GS1 Digital Link QR example (scheme in lower case): upper-case host, %2D, an internal AI
    [
      "https://ID.GS1.ORG/01/09521234543213/22/ABC%2D123?99=XYZ-987",
      [
        ["01", "09521234543213"],
        ["22", "ABC-123"],
        ["99", "XYZ-987"],
      ],
    ],
    // All three qualifiers, in order; "+" in a path is a plus
    [
      "https://a.example/01/12312312312333/22/TEST/10/ABC/21/XYZ",
      [
        ["01", "12312312312333"],
        ["22", "TEST"],
        ["10", "ABC"],
        ["21", "XYZ"],
      ],
    ],
    [
      "https://a.example/01/12312312312333/22/ABC+123",
      [
        ["01", "12312312312333"],
        ["22", "ABC+123"],
      ],
    ],
    [
      "https://a.example/01/12312312312333/22/test/10/abc/21/xyz#fragment",
      [
        ["01", "12312312312333"],
        ["22", "test"],
        ["10", "abc"],
        ["21", "xyz"],
      ],
    ],
    // Non-AI query parameters, singletons and stray separators are ignored
    [
      "https://a.example/01/12312312312333?linkType=gs1:pip&99=ABC&context=x&98=XYZ",
      [
        ["01", "12312312312333"],
        ["99", "ABC"],
        ["98", "XYZ"],
      ],
    ],
    [
      "https://a.example/01/12312312312333?&&&99=ABC&&singleton&&98=XYZ&&",
      [
        ["01", "12312312312333"],
        ["99", "ABC"],
        ["98", "XYZ"],
      ],
    ],
    ["https://a.example/01/12312312312333?", [["01", "12312312312333"]]],
    ["https://a.example/01/12312312312333?linkType=linkset", [["01", "12312312312333"]]],
    // Hosts: port, IPv4, IPv6, a trailing dot
    [
      "http://localhost:3000/01/09506000134352/10/L1",
      [
        ["01", "09506000134352"],
        ["10", "L1"],
      ],
    ],
    ["https://192.0.2.1/01/12312312312333", [["01", "12312312312333"]]],
    ["https://[2001:db8::1]/01/12312312312333", [["01", "12312312312333"]]],
    ["https://a./01/12312312312333", [["01", "12312312312333"]]],
    // A path prefix that contains AIs: the rightmost primary key with whole pairs after it wins
    ["https://a.example/00/faux/00/006141411234567890", [["00", "006141411234567890"]]],
    [
      "https://a.example/01/09506000134352/10/01",
      [
        ["01", "09506000134352"],
        ["10", "01"],
      ],
    ],
    [
      "https://a.example/r/01/09506000134352/10/00/21/414",
      [
        ["01", "09506000134352"],
        ["10", "00"],
        ["21", "414"],
      ],
    ],
    // A bare path, as a resolver route receives it
    [
      "/01/09506000134352/10/L%2F1/21/S1?17=261231",
      [
        ["01", "09506000134352"],
        ["10", "L/1"],
        ["21", "S1"],
        ["17", "261231"],
      ],
    ],
    // Surrounding whitespace from a scanner
    ["  https://id.gs1.org/01/09520123456788\r\n", [["01", "09520123456788"]]],
  ])("%s", (uri, ais) => {
    expect(aisOf(uri)).toEqual(ais);
  });

  it("returns the stem: scheme, host and the path before the primary key", () => {
    expect(parseDigitalLink("https://id.gs1.org/01/09520123456788").stem).toBe(
      "https://id.gs1.org",
    );
    expect(parseDigitalLink("https://b.example/some/prefix/01/09520123456788?x=1").stem).toBe(
      "https://b.example/some/prefix",
    );
    expect(parseDigitalLink("/01/09520123456788").stem).toBe("");
    expect(parseDigitalLink("/r/01/09520123456788").stem).toBe("/r");
  });
});
