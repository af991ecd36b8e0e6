import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

/** The service's processes: the one started and its descendants (cluster workers), from /proc. */
export function serviceTree(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      /* the process ended meanwhile */
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) for (const [pid, ppid] of parents) if (ppid === tree[i]) tree.push(pid);
  return tree;
}

function procSum(pids: number[], read: (pid: number) => number): number {
  return pids.reduce((total, pid) => {
    try {
      return total + read(pid);
    } catch {
      return total;
    }
  }, 0);
}

/** CPU seconds the processes have used (all their threads). */
export function cpuSeconds(pids: number[]): number {
  return procSum(pids, (pid) => {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  });
}

/** Resident memory of the processes (worker threads included), in MB. */
export function rssMb(pids: number[]): number {
  return procSum(pids, (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024);
}

/** The largest resident memory of any one of the processes, in MB. */
export function largestRssMb(pids: number[]): number {
  return Math.max(0, ...pids.map((pid) => procSum([pid], (p) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))![1]) / 1024)));
}

/** A process's peak resident memory (VmHWM) in MB, and starting a new peak from now (Linux ≥ 4.0, own processes). */
export function peakRssMb(pid: number | 'self'): number {
  return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
}

export function resetPeakRss(pid: number | 'self'): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}
