/** `npm run sandbox`: the IOP sandbox on 127.0.0.1, with its URLs and demo logins printed. */
import { CLI_USAGE, parseCliArgs } from './cli-args';
import { SandboxInputError } from './config';
import { describeSandbox } from './describe';
import { startSandbox } from './index';

async function main(): Promise<void> {
  const command = parseCliArgs(process.argv.slice(2));
  if (command.help) {
    console.log(CLI_USAGE);
    return;
  }
  const sandbox = await startSandbox(command.options);
  console.log(describeSandbox(sandbox));
  const stop = () => {
    sandbox.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof SandboxInputError) {
    console.error(`sandbox: ${error.message}\n\n${CLI_USAGE}`);
  } else {
    console.error('sandbox: could not start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
