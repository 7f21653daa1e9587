import { EVENT_TYPES } from '../model/events';
import { bodiesOf, ChainNode, EVENT_PERMISSIONS, mayRecord } from './event-permissions';
import { actingRoleOf, roleProblem } from './roles';

const province: ChainNode = { id: 'p', kind: 'province', authorisedToAdmit: false };
const commune: ChainNode = { id: 'c', kind: 'commune', authorisedToAdmit: false };
const grassroots: ChainNode = { id: 'g', kind: 'grassroots', authorisedToAdmit: false };
const authorised: ChainNode = { id: 'ga', kind: 'grassroots', authorisedToAdmit: true };
const cell: ChainNode = { id: 'cell', kind: 'cell', authorisedToAdmit: false };

const ordinary = [province, commune, grassroots, cell];
const underAuthorised = [province, commune, authorised, cell];
const village = [province, commune, cell];

describe('bodiesOf', () => {
  it('an ordinary cell: its grassroots committee, then the commune committee decides', () => {
    expect(bodiesOf(ordinary)).toEqual({ cell, grassroots, competent: commune });
  });
  it('a cell of an authorised grassroots committee: that committee decides', () => {
    expect(bodiesOf(underAuthorised)).toEqual({ cell, grassroots: authorised, competent: authorised });
  });
  it('a village cell directly under the commune: the commune plays both parts', () => {
    expect(bodiesOf(village)).toEqual({ cell, grassroots: commune, competent: commune });
  });
  it('a grassroots committee directly under the province: the province decides', () => {
    expect(bodiesOf([province, grassroots, cell])).toEqual({ cell, grassroots, competent: province });
  });
  it('refuses a chain that does not end with a cell', () => {
    expect(() => bodiesOf([province, commune])).toThrow('must end with a cell');
  });
});

describe('mayRecord', () => {
  const secretary = { organisationId: 'cell', roles: ['cell_secretary'] };
  const officer = { organisationId: 'g', roles: ['grassroots_officer'] };
  const board = { organisationId: 'c', roles: ['superior_officer'] };

  it('the cell vote by the cell secretary only', () => {
    expect(mayRecord(secretary, 'CELL_VOTE_RECORDED', ordinary)).toEqual({ allowed: true, as: 'cell' });
    const refused = mayRecord(officer, 'CELL_VOTE_RECORDED', ordinary);
    expect(refused).toMatchObject({ allowed: false, permission: 'CELL_VOTE_RECORDED', requiredRoles: ['cell_secretary'] });
    expect(mayRecord(board, 'CELL_VOTE_RECORDED', ordinary).allowed).toBe(false);
  });

  it('the role alone is not enough: a secretary of another cell is refused', () => {
    expect(mayRecord({ organisationId: 'other-cell', roles: ['cell_secretary'] }, 'CELL_VOTE_RECORDED', ordinary).allowed).toBe(false);
  });

  it('the body alone is not enough: an inspector of the cell is refused', () => {
    expect(mayRecord({ organisationId: 'cell', roles: ['inspector'] }, 'CELL_VOTE_RECORDED', ordinary).allowed).toBe(false);
  });

  it('the grassroots vote by that grassroots committee', () => {
    expect(mayRecord(officer, 'GRASSROOTS_VOTE_RECORDED', ordinary)).toEqual({ allowed: true, as: 'grassroots' });
    expect(mayRecord(secretary, 'GRASSROOTS_VOTE_RECORDED', ordinary).allowed).toBe(false);
  });

  it('the admission decision by the commune board, or by an authorised grassroots committee', () => {
    expect(mayRecord(board, 'ADMISSION_DECIDED', ordinary)).toEqual({ allowed: true, as: 'competent' });
    expect(mayRecord(officer, 'ADMISSION_DECIDED', ordinary)).toMatchObject({ allowed: false, requiredRoles: ['superior_officer'] });
    const authorisedOfficer = { organisationId: 'ga', roles: ['grassroots_officer'] };
    expect(mayRecord(authorisedOfficer, 'ADMISSION_DECIDED', underAuthorised)).toEqual({ allowed: true, as: 'competent' });
    expect(mayRecord(board, 'ADMISSION_DECIDED', underAuthorised).allowed).toBe(false);
  });

  it('the province board is not the competent body of a commune-level case', () => {
    expect(mayRecord({ organisationId: 'p', roles: ['superior_officer'] }, 'ADMISSION_DECIDED', ordinary).allowed).toBe(false);
  });

  it('for a village cell the commune board records the grassroots steps', () => {
    expect(mayRecord(board, 'DOSSIER_OPENED', village)).toEqual({ allowed: true, as: 'grassroots' });
    expect(mayRecord(officer, 'DOSSIER_OPENED', village).allowed).toBe(false);
  });

  it('engine-only events are refused to everyone, admin included', () => {
    for (const who of [secretary, officer, board, { organisationId: null, roles: ['admin'] }]) {
      expect(mayRecord(who, 'PROBATION_ENDED', ordinary)).toMatchObject({ allowed: false, permission: 'PROBATION_ENDED' });
    }
  });

  it('an admin records anything in its subtree, nothing outside it', () => {
    expect(mayRecord({ organisationId: null, roles: ['admin'] }, 'CELL_VOTE_RECORDED', ordinary)).toEqual({ allowed: true, as: 'admin' });
    expect(mayRecord({ organisationId: 'c', roles: ['admin'] }, 'ADMISSION_DECIDED', ordinary)).toEqual({ allowed: true, as: 'admin' });
    expect(mayRecord({ organisationId: 'elsewhere', roles: ['admin'] }, 'CELL_VOTE_RECORDED', ordinary).allowed).toBe(false);
  });

  it('every event type has an entry with a source', () => {
    for (const type of EVENT_TYPES) {
      expect(EVENT_PERMISSIONS[type].source.length).toBeGreaterThan(5);
    }
  });
});

describe('roles', () => {
  it('each body kind acts through one role', () => {
    expect(['cell', 'grassroots', 'commune', 'province'].map((k) => actingRoleOf(k as never))).toEqual([
      'cell_secretary',
      'grassroots_officer',
      'superior_officer',
      'superior_officer',
    ]);
  });
  it('a role must fit the kind of the account organisation', () => {
    expect(roleProblem(['cell_secretary'], 'cell')).toBeNull();
    expect(roleProblem(['cell_secretary'], 'grassroots')).toMatch('cell_secretary sits at a cell');
    expect(roleProblem(['superior_officer', 'admin'], 'province')).toBeNull();
    expect(roleProblem(['inspector'], null)).toBeNull();
    expect(roleProblem(['grassroots_officer'], null)).toMatch('only admin and inspector');
    expect(roleProblem([], 'cell')).toMatch('at least one role');
  });
});
