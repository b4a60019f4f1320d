// Who sees "reassign" on the customer list: the roles reassign_customers accepts (department-wide,
// deputies, group leaders); everyone else, salespeople included, does not.
import { describe, expect, it } from 'vitest';
import { isAllowed } from '../../src/providers/permissions.ts';

describe('customers reassign permission', () => {
  it('is granted to managers, deputies and group leaders', () => {
    for (const role of ['admin', 'general_manager', 'dept_manager', 'deputy_manager', 'group_leader'] as const) {
      expect(isAllowed([role], 'customers', 'reassign'), role).toBe(true);
    }
  });

  it('is refused to salespeople and other roles', () => {
    for (const role of ['salesperson', 'merchandiser', 'finance', 'cs_specialist'] as const) {
      expect(isAllowed([role], 'customers', 'reassign'), role).toBe(false);
    }
    expect(isAllowed([], 'customers', 'reassign')).toBe(false);
  });
});
