/** What the worklist shows of an item's limit in words: working days late or left. */
export function workingDaysKey(reason: string, workingDays: number | undefined): { key: string; count: number } | null {
  if (workingDays === undefined) return null;
  if (reason === 'overdue') return { key: 'worklist.late', count: workingDays };
  if (workingDays === 0) return { key: 'worklist.today', count: 0 };
  return { key: 'worklist.left', count: workingDays };
}

export type Bucket = 'all' | 'overdue' | 'due_soon' | 'your_step';
export const BUCKETS: readonly Bucket[] = ['all', 'overdue', 'due_soon', 'your_step'];
