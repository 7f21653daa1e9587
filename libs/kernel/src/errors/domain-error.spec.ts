import { DomainException } from './domain-error';

describe('DomainException', () => {
  it('carries the code, message and details', () => {
    const e = DomainException.validation([{ field: 'parentId', message: 'unknown' }]);
    expect(e).toBeInstanceOf(Error);
    expect(e).toMatchObject({ code: 'VALIDATION_FAILED', message: 'parentId: unknown', details: { fields: [{ field: 'parentId', message: 'unknown' }] } });
    expect(new DomainException('NOT_FOUND', 'gone').details).toEqual({});
  });

  it('VALIDATION_FAILED says in Vietnamese what is wrong with the fields whose labels are known, and only then', () => {
    const e = DomainException.validation([
      { field: 'issuedOn', message: 'issuedOn must be a real calendar date', labelVi: 'Ngày cấp', messageVi: '«Ngày cấp» không phải là một ngày có thật' },
      { field: 'note', message: 'note is not a field of this event' },
      { field: 'inFavour', message: 'inFavour must be a whole number', labelVi: 'Số phiếu tán thành', messageVi: '«Số phiếu tán thành» phải là một số nguyên' },
    ]);
    expect(e.details.messageVi).toBe('Thông tin chưa hợp lệ: «Ngày cấp» không phải là một ngày có thật; «Số phiếu tán thành» phải là một số nguyên.');
    expect(DomainException.validation([{ field: 'note', message: 'unknown' }]).details).toEqual({ fields: [{ field: 'note', message: 'unknown' }] });
  });
});
