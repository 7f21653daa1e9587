import { EVENT_LABELS, RULE_DEFINITIONS, STATE_LABELS } from '@charterflow/procedure';
import { rowReason } from './import-report';

describe('the reasons of a refused import row, in words', () => {
  it("a rule: the step, its date in dd/mm/yyyy, the rule's own Vietnamese sentence and its article", () => {
    const r = rowReason({ code: 'RULE_VIOLATION', message: 'too young', rule: 'AGE_BELOW_18', source: RULE_DEFINITIONS.AGE_BELOW_18.source, eventType: 'CELL_VOTE_RECORDED', occurredOn: '2026-03-05' }, 'vi');
    expect(r.key).toBe('admin.imports.ruleAt');
    expect(r.values).toMatchObject({ step: EVENT_LABELS.CELL_VOTE_RECORDED.vi, on: '05/03/2026', text: RULE_DEFINITIONS.AGE_BELOW_18.descriptionVi });
    expect(r.values.source).not.toBe('');
    expect(JSON.stringify(r.values)).not.toMatch(/AGE_BELOW_18|CELL_VOTE_RECORDED|2026-03-05/);
  });

  it('a step the stage does not allow: the step and the stage by their labels', () => {
    const r = rowReason({ code: 'EVENT_NOT_ALLOWED', message: '…', eventType: 'CEREMONY_HELD', occurredOn: '2026-01-02', state: 'cellReview' }, 'vi');
    expect(r).toEqual({ key: 'admin.imports.notAllowed', values: { step: EVENT_LABELS.CEREMONY_HELD.vi, on: '02/01/2026', state: STATE_LABELS.cellReview.vi } });
  });

  it('a column at fault is named by its label in the language of the screen, then by the header of the file', () => {
    const fieldLabel = { vi: 'Quyết định kết nạp đảng viên – Ngày ký quyết định', en: 'Admission decision – Date of the decision' };
    const e = { code: 'VALIDATION_FAILED', message: 'must be a date', field: 'admissionDecisionOn', fieldLabel };
    expect(rowReason(e, 'vi')).toEqual({ key: 'admin.imports.columnNamed', values: { label: fieldLabel.vi, column: 'admissionDecisionOn' } });
    expect(rowReason(e, 'en')).toEqual({ key: 'admin.imports.columnNamed', values: { label: fieldLabel.en, column: 'admissionDecisionOn' } });
  });

  it('a column without a label (no import knows it) is named as the header names it; the row as a whole, a conflict and anything else by their situation', () => {
    expect(rowReason({ code: 'VALIDATION_FAILED', message: 'unknown column note', field: 'note' }, 'vi')).toEqual({ key: 'admin.imports.column', values: { column: 'note' } });
    expect(rowReason({ code: 'VALIDATION_FAILED', message: 'not an object', field: 'row' }, 'vi').key).toBe('admin.imports.badRow');
    expect(rowReason({ code: 'CONFLICT_EXISTING_CASE', message: '…' }, 'vi').key).toBe('admin.imports.conflict');
    expect(rowReason({ code: 'SOMETHING_NEW', message: '…' }, 'vi').key).toBe('admin.imports.other');
  });

  it('in English the rule reads in English', () => {
    const r = rowReason({ code: 'RULE_VIOLATION', message: '…', rule: 'AGE_BELOW_18' }, 'en');
    expect(r.key).toBe('admin.imports.rule');
    expect(r.values.text).toBe(RULE_DEFINITIONS.AGE_BELOW_18.descriptionEn);
  });
});
