import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CLI_PORT, parseCliArgs, parseConfigFile } from '../../sandbox/cli-args';
import { DEMO_SELLERS, SandboxInputError } from '../../sandbox/index';

const noFile = (path: string): string => {
  throw new Error(`unexpected read of ${path}`);
};

describe('parseCliArgs', () => {
  it('defaults to port 8787 and nothing else', () => {
    expect(parseCliArgs([], noFile)).toEqual({ help: false, options: { port: DEFAULT_CLI_PORT } });
  });

  it('reads --port, --access-ttl, --refresh-ttl and --no-refresh', () => {
    const command = parseCliArgs(
      ['--port', '0', '--access-ttl', '30', '--refresh-ttl', '90', '--no-refresh'],
      noFile,
    );
    expect(command).toEqual({
      help: false,
      options: { port: 0, accessTtlSeconds: 30, refreshTtlSeconds: 90, refreshDisabled: true },
    });
  });

  it('lets flags win over the config file', () => {
    const file = JSON.stringify({ port: 9000, accessTtlSeconds: 10, numbersAsStrings: true, apps: [] });
    const command = parseCliArgs(['--config', 'sandbox.json', '--access-ttl', '20'], () => file);
    expect(command).toEqual({
      help: false,
      options: { port: 9000, accessTtlSeconds: 20, numbersAsStrings: true, apps: [] },
    });
  });

  it.each([
    [['--port', 'abc']],
    [['--access-ttl', '-5']],
    [['--refresh-ttl', '0']],
    [['--bogus']],
    [['stray']],
  ])('refuses %j with a SandboxInputError', (args) => {
    expect(() => parseCliArgs(args, noFile)).toThrow(SandboxInputError);
  });

  it('answers --help', () => {
    expect(parseCliArgs(['--help'], noFile)).toEqual({ help: true });
  });
});

describe('parseConfigFile', () => {
  it.each([['{nope'], ['{"accessTtlSeconds": "ten"}'], ['{"apps": {}}'], ['{"sellers": 3}'], ['[]']])(
    'refuses %s',
    (json) => {
      expect(() => parseConfigFile(json)).toThrow(SandboxInputError);
    },
  );
});

describe('npm run sandbox (tsx sandbox/cli.ts)', () => {
  it('starts on 127.0.0.1, prints the URLs, demo apps and logins, and stops on SIGTERM', async () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'sandbox/cli.ts', '--port', '0', '--access-ttl', '60', '--no-refresh'],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      let output = '';
      child.stdout.setEncoding('utf8');
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: string) => {
          output += chunk;
          if (output.includes(DEMO_SELLERS.aliexpress.account)) resolve();
        });
        child.once('exit', (code) => reject(new Error(`cli exited early (${code})`)));
      });

      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      expect(url).toBeDefined();
      expect(output).toContain(`authorize      ${url}/oauth/authorize`);
      expect(output).toContain(`token create   ${url}/rest/auth/token/create`);
      expect(output).toContain(`token refresh  ${url}/rest/auth/token/refresh`);
      expect(output).toMatch(/app key\s+100001\n\s+app secret\s+\S{32}/);
      expect(output).toMatch(/app key\s+500001/);
      expect(output).toContain('https://fffnjcdamfdmpeafhgelpgehapcbeilk.chromiumapp.org/');
      expect(output).toContain(`${url}/callback`);
      expect(output).toContain('access token 60 s, refresh disabled');
      for (const seller of Object.values(DEMO_SELLERS)) expect(output).toContain(seller.account);

      const page = await fetch(
        `${url}/oauth/authorize?response_type=code&client_id=100001&redirect_uri=${encodeURIComponent(`${url}/callback`)}`,
      );
      expect(page.status).toBe(200);
    } finally {
      const exited = once(child, 'exit');
      if (child.exitCode === null) child.kill('SIGTERM');
      const [code] = await exited.catch(() => [null]);
      expect(code).toBe(0);
    }
  });
});
