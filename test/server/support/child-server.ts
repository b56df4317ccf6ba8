import { type ChildProcess, fork } from 'node:child_process';
import { rmSync } from 'node:fs';
import { bundleForNode, root } from './bundle';

export interface ChildServer {
  child: ChildProcess;
  /** Origins of the NHN proxy and the local engine, each behind `toNodeHandler`. */
  origins: { nhn: string; local: string };
  /** Whether the process is still running. */
  alive(): boolean;
  stop(): Promise<void>;
}

/** Starts `ocr-server-child.ts` in its own Node process. */
export async function startChildServer(env: Record<string, string> = {}): Promise<ChildServer> {
  const { path } = await bundleForNode(
    `${root}test/server/support/ocr-server-child.ts`,
    'ocr-server-child',
  );
  const child = fork(path, [], { cwd: root, env: { ...process.env, ...env }, stdio: 'pipe' });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    const ports = await new Promise<{ nhn: number; local: number }>((resolve, reject) => {
      child.once('message', (message) => resolve(message as { nhn: number; local: number }));
      child.once('exit', (code) => reject(new Error(`child exited (${code}): ${stderr}`)));
    });
    return {
      child,
      origins: {
        nhn: `http://127.0.0.1:${ports.nhn}`,
        local: `http://127.0.0.1:${ports.local}`,
      },
      alive: () => child.exitCode === null && child.signalCode === null,
      async stop() {
        if (child.exitCode === null && child.signalCode === null) child.kill();
        await exited;
      },
    };
  } finally {
    rmSync(path, { force: true });
  }
}
