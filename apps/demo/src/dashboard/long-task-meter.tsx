import { useEffect, useState } from 'react';

interface LongTasks {
  count: number;
  longestMs: number;
  totalMs: number;
}

/**
 * Counts this tab's long tasks (main-thread work over 50 ms, from the Long Tasks API) since the view opened: how
 * many, the longest, and their total. Shows "not measured in this browser" where the API is missing.
 */
export function LongTaskMeter() {
  const supported =
    typeof PerformanceObserver !== 'undefined' &&
    PerformanceObserver.supportedEntryTypes?.includes('longtask');
  const [tasks, setTasks] = useState<LongTasks>({ count: 0, longestMs: 0, totalMs: 0 });
  useEffect(() => {
    if (!supported) return;
    const observer = new PerformanceObserver((list) => {
      const entries = list.getEntries();
      setTasks((previous) => {
        let { count, longestMs, totalMs } = previous;
        for (const entry of entries) {
          count += 1;
          longestMs = Math.max(longestMs, entry.duration);
          totalMs += entry.duration;
        }
        return { count, longestMs, totalMs };
      });
    });
    observer.observe({ type: 'longtask' });
    return () => observer.disconnect();
  }, [supported]);

  return (
    <div className="meter">
      <span className="meter-label">Long tasks (over 50 ms)</span>
      {supported ? (
        <span>
          {tasks.count} · longest {Math.round(tasks.longestMs).toLocaleString('en-US')} ms · total{' '}
          {Math.round(tasks.totalMs).toLocaleString('en-US')} ms
        </span>
      ) : (
        <span>not measured in this browser</span>
      )}
    </div>
  );
}
