import { findFreePort } from "@/tools/chain/anvil";
import { type Service, startService } from "../stack/processes";

// Several complete app instances against one database and one chain, as production runs them behind a
// load balancer: each is a web server, an outbox sender and an indexer. The senders and the indexers
// share the database's locks (workers/sole-holder.ts): one of each works, the others stand by.

const PARTS = ["sender", "indexer", "web"] as const;
type Part = (typeof PARTS)[number];

const WORKERS: Record<Part, string> = {
  sender: "workers/sender.ts",
  indexer: "workers/indexer.ts",
  web: "workers/web.ts",
};

export type Instances = {
  /** Each part's name: "sender-a", "web-b", … */
  names: string[];
  webPorts: number[];
  kill(name: string): Promise<void>;
  restart(name: string): void;
  /** Whether a part is running, and for a web server, answering. */
  isUp(name: string): Promise<boolean>;
  stopAll(): Promise<void>;
};

/** The name PostgreSQL knows a part's connections by (PGAPPNAME), to tell who holds a lock. */
export function applicationNameOf(name: string): string {
  return `lotledger ${name}`;
}

export async function startInstances(count: number, env: NodeJS.ProcessEnv): Promise<Instances> {
  const letters = "abcdefgh".slice(0, count).split("");
  const webPorts = await Promise.all(letters.map(() => findFreePort()));
  const running = new Map<string, Service>();
  const specs = new Map<string, { part: Part; port: number }>();
  letters.forEach((letter, i) => {
    for (const part of PARTS) specs.set(`${part}-${letter}`, { part, port: webPorts[i] as number });
  });
  const launch = (name: string) => {
    const spec = specs.get(name);
    if (!spec) throw new Error(`No part named ${name}`);
    const args = ["--conditions=react-server", "--import", "tsx", WORKERS[spec.part]];
    if (spec.part === "web") args.push("--port", String(spec.port));
    const partEnv = { ...env, PGAPPNAME: applicationNameOf(name) };
    running.set(name, startService(name, process.execPath, args, partEnv));
  };
  for (const name of specs.keys()) launch(name);
  return {
    names: [...specs.keys()],
    webPorts,
    async kill(name) {
      await running.get(name)?.kill();
      running.delete(name);
    },
    restart(name) {
      if (!running.has(name)) launch(name);
    },
    async isUp(name) {
      const spec = specs.get(name);
      if (!running.has(name) || !spec) return false;
      if (spec.part !== "web") return true;
      return fetch(`http://127.0.0.1:${spec.port}/sign-in`, {
        signal: AbortSignal.timeout(1_000),
      }).then(
        (response) => response.status < 500,
        () => false,
      );
    },
    async stopAll() {
      await Promise.all([...running.values()].map((service) => service.stop()));
      running.clear();
    },
  };
}
