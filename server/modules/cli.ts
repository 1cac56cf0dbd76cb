import { reportCommand } from './report/cli.js';

/** A CLI command contributed by a module (e.g. `report`). */
export interface CliCommand {
  name: string;
  usage: string;
  run(get: (k: string) => string | undefined, need: (k: string) => string): Promise<void>;
}

/** Module CLI commands. Modules add theirs here. */
export const cliCommands: CliCommand[] = [reportCommand];
