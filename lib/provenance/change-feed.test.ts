import { describe, expect, it } from "vitest";
import { ANY_LOT, ChangeFeed, type Dependency, FreshCache } from "./change-feed";

function setup() {
  const feed = new ChangeFeed();
  feed.setListening(true);
  let reads = 0;
  const cache = new FreshCache<string>(feed, 3);
  const get = (key: string, dependsOn: Dependency = key) =>
    cache.get(key, async () => ({ value: `${key}#${++reads}`, dependsOn }));
  return { feed, cache, get };
}

describe("FreshCache with the change feed", () => {
  it("serves a read until a notification names its lot, then reads again", async () => {
    const { feed, get } = setup();
    expect(await get("lot-a")).toBe("lot-a#1");
    expect(await get("lot-a")).toBe("lot-a#1");
    feed.receive("lot-b");
    expect(await get("lot-a")).toBe("lot-a#1");
    feed.receive("lot-c,lot-a");
    expect(await get("lot-a")).toBe("lot-a#2");
  });

  it("drops everything on '*', and a product's page on any lot's change", async () => {
    const { feed, get } = setup();
    await get("lot-a");
    await get("product", ANY_LOT);
    feed.receive("lot-z");
    expect(await get("product", ANY_LOT)).toBe("product#3");
    expect(await get("lot-a")).toBe("lot-a#1");
    feed.receive("*");
    expect(await get("lot-a")).toBe("lot-a#4");
  });

  it("keeps a lot's page while neither it nor a lot it was made from changes", async () => {
    const { feed, get } = setup();
    const lineage = ["lot-child", "lot-parent", "lot-harvest"];
    expect(await get("lot-child", lineage)).toBe("lot-child#1");
    feed.receive("lot-sibling");
    expect(await get("lot-child", lineage)).toBe("lot-child#1");
    feed.receive("lot-harvest");
    expect(await get("lot-child", lineage)).toBe("lot-child#2");
  });

  it("never keeps a read during which its lot changed (it may have read the old rows)", async () => {
    const { feed, cache } = setup();
    let reads = 0;
    const load = async () => {
      reads++;
      if (reads === 1) feed.receive("lot-a"); // the indexer commits mid-read
      return { value: `read ${reads}`, dependsOn: "lot-a" };
    };
    expect(await cache.get("lot-a", load)).toBe("read 1");
    expect(await cache.get("lot-a", load)).toBe("read 2");
    expect(await cache.get("lot-a", load)).toBe("read 2");
  });

  it("caches nothing while the feed is not listening, and forgets all on reconnecting", async () => {
    const { feed, get } = setup();
    await get("lot-a");
    feed.setListening(false);
    expect(await get("lot-a")).toBe("lot-a#2");
    expect(await get("lot-a")).toBe("lot-a#3");
    feed.setListening(true);
    expect(await get("lot-a")).toBe("lot-a#4");
    expect(await get("lot-a")).toBe("lot-a#4");
  });

  it("never caches what its loader marks uncacheable, and keeps at most maxEntries", async () => {
    const { cache, get } = setup();
    expect(await get("status", null)).toBe("status#1");
    expect(await get("status", null)).toBe("status#2");
    for (const key of ["a", "b", "c", "d"]) await get(key);
    expect(cache.peek("a")).toBeUndefined();
    expect(cache.peek("d")).toBe("d#6");
  });
});
