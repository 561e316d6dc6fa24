/** `npm run sandbox` flags and config file, turned into SandboxOptions. */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseConfigChange, SandboxInputError } from './config';
import type { RegisteredApp, SandboxOptions, SandboxSeller } from './types';

export const DEFAULT_CLI_PORT = 8787;

export const CLI_USAGE = `Usage: npm run sandbox -- [options]
  --port <n>          port on 127.0.0.1 (default ${DEFAULT_CLI_PORT}; 0 = any free port)
  --config <file>     JSON: {"apps": [...], "sellers": [...], "accessTtlSeconds": 60, ...}
  --access-ttl <s>    access token lifetime in seconds
  --refresh-ttl <s>   refresh deadline in seconds from authorization
  --no-refresh        grants get refresh_expires_in 0 and refresh is refused
  --help              this text`;

export type CliCommand = { help: true } | { help: false; options: SandboxOptions };

function wholeNumber(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new SandboxInputError(`${flag} needs a whole number, got "${text}"`);
  return Number(text);
}

/** A config file holds settings plus extra apps and sellers; settings are checked like any other. */
export function parseConfigFile(json: string): SandboxOptions {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new SandboxInputError('config file is not valid JSON');
  }
  const settings = parseConfigChange(parsed, true);
  const file = parsed as { port?: unknown; apps?: unknown; sellers?: unknown };
  const options: SandboxOptions = { ...settings };
  if (file.port !== undefined) options.port = wholeNumber(String(file.port), 'port');
  if (file.apps !== undefined) {
    if (!Array.isArray(file.apps)) throw new SandboxInputError('apps must be an array');
    options.apps = file.apps as RegisteredApp[];
  }
  if (file.sellers !== undefined) {
    if (!Array.isArray(file.sellers)) throw new SandboxInputError('sellers must be an array');
    options.sellers = file.sellers as SandboxSeller[];
  }
  return options;
}

/** Flags win over the config file; the port defaults to 8787. */
export function parseCliArgs(
  args: string[],
  readFile: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): CliCommand {
  let values: ReturnType<typeof parseFlags>['values'];
  try {
    ({ values } = parseFlags(args));
  } catch (error) {
    throw new SandboxInputError(error instanceof Error ? error.message : 'bad arguments');
  }
  if (values.help) return { help: true };

  const fromFile = values.config ? parseConfigFile(readFile(values.config)) : {};
  const flags = parseConfigChange({
    accessTtlSeconds: wholeNumber(values['access-ttl'], '--access-ttl'),
    refreshTtlSeconds: wholeNumber(values['refresh-ttl'], '--refresh-ttl'),
    refreshDisabled: values['no-refresh'] ? true : undefined,
  });
  const port = wholeNumber(values.port, '--port') ?? fromFile.port ?? DEFAULT_CLI_PORT;
  return { help: false, options: { ...fromFile, ...flags, port } };
}

function parseFlags(args: string[]) {
  return parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      config: { type: 'string' },
      'access-ttl': { type: 'string' },
      'refresh-ttl': { type: 'string' },
      'no-refresh': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
