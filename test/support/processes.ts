import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** A child process running one of the tests' fixtures, and the line it printed when it was ready. */
export interface FixtureProcess {
  child: ChildProcess;
  readyLine: string;
  /** What it wrote on stderr so far (for a failure's message). */
  stderr(): string;
}

/**
 * Starts `node -r @swc-node/register <script>` from the repository root with exactly `env` (plus PATH), and waits
 * for a stdout line starting with `ready`; rejects with its stderr when it exits before.
 */
export async function startFixture(script: string, env: NodeJS.ProcessEnv): Promise<FixtureProcess> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', script], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const readyLine = await new Promise<string>((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`${script} exited with ${code} before it was ready:\n${stderr}`));
    child.once('exit', onExit);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split('\n').find((l) => l.startsWith('ready'));
      if (line !== undefined) {
        child.off('exit', onExit);
        resolve(line);
      }
    });
  });
  return { child, readyLine, stderr: () => stderr };
}

/** Sends `signal` and waits for the exit; answers the exit code (null when a signal ended it). */
export async function stopProcess(child: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const exited = once(child, 'exit');
  child.kill(signal);
  const [code] = (await exited) as [number | null];
  return code;
}
