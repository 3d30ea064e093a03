/** Runs the reference MINE script (BENCH_REFERENCE) at one configuration and reads its JSON line. */
import { spawn } from 'node:child_process';

/** Process-group ids of reference runs still going (each is started in its own group). */
const running = new Set();

/** Kills the process group of a reference run; ignores one that is already gone. */
function killGroup(pid) {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Kills every reference run still going (on Ctrl-C). */
export function killReferenceRuns() {
  for (const pid of running) killGroup(pid);
}

/** The reference's flags for a configuration; its defaults (power 3, noise 0.2, 1 thread) match the page's. */
export function referenceFlags({ batch, dim, hidden, steps }) {
  return `--batch ${batch} --dim ${dim} --hidden ${hidden} --steps ${steps} --lr 0.01 --seed 1`;
}

/** Runs `sh -c "<command> <flags>"` in `cwd`; resolves with steps/s and estimate, or with an `error` (never rejects). */
export function runReference(command, config, cwd, timeoutS = 600) {
  const commandLine = `${command} ${referenceFlags(config)}`;
  const startedAt = Date.now();
  return new Promise((resolve) => {
    const child = spawn('sh', ['-c', commandLine], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    if (child.pid) running.add(child.pid);
    const timer = setTimeout(() => killGroup(child.pid), timeoutS * 1000); // the shell and what it started
    const finish = (fields) => {
      clearTimeout(timer);
      running.delete(child.pid);
      resolve({ command: commandLine, wallS: (Date.now() - startedAt) / 1000, ...fields });
    };
    child.on('error', (error) => finish({ ok: false, error: error.message }));
    child.on('exit', (code, signal) => {
      const line = stdout
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l.startsWith('{'))
        .pop();
      let output = null;
      try {
        output = line ? JSON.parse(line) : null;
      } catch {
        // reported below
      }
      const stepsPerS = Number(output?.steps_per_s);
      if (code === 0 && output && Number.isFinite(stepsPerS)) {
        const estimate = Number(output.estimate_bits);
        finish({
          ok: true,
          stepsPerS,
          estimateBits: Number.isFinite(estimate) ? estimate : null,
          threads: output.config?.threads ?? null,
          output,
        });
      } else {
        const why =
          code !== 0 ? `exited with ${signal ?? `code ${code}`}` : 'printed no JSON line with steps_per_s';
        finish({
          ok: false,
          error: `reference ${why}: ${(stderr.trim().split('\n').pop() ?? '').slice(0, 300)}`,
        });
      }
    });
  });
}
