import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const TIMEOUT_MS = 120_000;

/** The LibreOffice executable on PATH (soffice, else libreoffice), or null when it is not installed. */
export function libreOfficePath(): string | null {
  for (const name of ['soffice', 'libreoffice']) {
    for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
      const candidate = join(dir, name);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return null;
}

/** Run a command in its own process group, killing the whole group (soffice forks soffice.bin) on timeout. */
function run(
  cmd: string,
  args: string[],
  timeoutMs: number,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      output += d.toString();
    });
    const timer = setTimeout(() => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
      reject(new Error(`LibreOffice did not finish within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/**
 * The .docx converted to PDF by LibreOffice (headless), or null when LibreOffice is not installed.
 * A conversion that fails or takes longer than 120 s throws. Each call uses its own temporary directory and
 * LibreOffice profile (so conversions may run side by side), removed afterwards.
 */
export async function docxToPdf(docx: Buffer): Promise<Buffer | null> {
  const soffice = libreOfficePath();
  if (!soffice) return null;
  const dir = await mkdtemp(join(tmpdir(), 'fazhi-pdf-'));
  try {
    const input = join(dir, 'report.docx');
    await writeFile(input, docx);
    const { code, output } = await run(
      soffice,
      [
        `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
        '--headless',
        '--norestore',
        '--nolockcheck',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        input,
      ],
      TIMEOUT_MS,
    );
    try {
      return await readFile(join(dir, 'report.pdf'));
    } catch {
      throw new Error(
        `LibreOffice could not convert the document (exit ${code}): ${output.trim().slice(0, 500)}`,
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
