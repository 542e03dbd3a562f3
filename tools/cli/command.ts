/** A subcommand of `npm run lotledger -- <name> …`: the default export of tools/cli/<name>.ts. */
export interface CliCommand {
  /** The usage text printed when the arguments don't fit. */
  usage: string;
  /** Runs with the arguments after the command's name and returns the exit code. */
  run(args: string[]): Promise<number> | number;
}
