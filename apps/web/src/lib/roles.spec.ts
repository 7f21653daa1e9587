import { rolesFor } from './roles';

describe('the roles offered for an account of a unit', () => {
  it('a cell: its secretary, an inspector, an administrator; never a committee office', () => {
    expect(rolesFor('cell').sort()).toEqual(['admin', 'cell_secretary', 'inspector']);
  });

  it('a grassroots committee: its office; a commune or province: the superior board', () => {
    expect(rolesFor('grassroots')).toContain('grassroots_officer');
    expect(rolesFor('grassroots')).not.toContain('cell_secretary');
    expect(rolesFor('commune')).toContain('superior_officer');
    expect(rolesFor('province')).toContain('superior_officer');
  });
});
