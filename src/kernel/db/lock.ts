import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors.js';

export interface DataDirLock {
  release(): void;
}

interface Holder {
  pid: number;
  role: string;
  port?: number;
  since: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite lets one process open a data directory at a time; a second one would corrupt it.
 * The lock file names the holder so the refusal can say who holds it. A stale lock
 * (its process gone) is taken over.
 */
export function acquireDataDirLock(dataDir: string, holder: { role: string; port?: number }): DataDirLock {
  const file = path.join(dataDir, 'fazhi.lock');
  const mine: Holder = {
    pid: process.pid,
    role: holder.role,
    port: holder.port,
    since: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(mine), { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          const current = JSON.parse(fs.readFileSync(file, 'utf8')) as Holder;
          if (current.pid === process.pid) fs.unlinkSync(file);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return { release };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let current: Holder | undefined;
      try {
        current = JSON.parse(fs.readFileSync(file, 'utf8')) as Holder;
      } catch {
        current = undefined;
      }
      if (current && current.pid !== process.pid && alive(current.pid)) {
        const who =
          current.role === 'server'
            ? `运行中的 fazhi 服务器(进程 ${current.pid}${current.port ? `,端口 ${current.port}` : ''})`
            : `另一个 fazhi 进程(进程 ${current.pid},${current.role})`;
        throw new AppError(
          'DATA_DIR_LOCKED',
          `数据目录 ${dataDir} 正被${who}使用。内置数据库(PGlite)一次只能由一个进程打开:请先停止该进程再执行此命令,` +
            '或在网页端操作,或设置 DATABASE_URL 改用 PostgreSQL 服务器。',
        );
      }
      fs.rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  throw new AppError('DATA_DIR_LOCKED', `无法锁定数据目录 ${dataDir}`);
}
