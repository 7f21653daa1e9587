import { createHash } from 'node:crypto';
import type { Test } from 'supertest';
import { docxText, pdfText } from '@charterflow/documents/testing';
import { account } from '../access/support';
import { caseInCellReview, caseInProbation } from '../api/helpers';
import { API, createOrganisationTree, OrganisationTree, startTestApp, TestApp } from '../support/app';
import { wordTemplate } from './word-template';

const WORD = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Reads the answer's body as bytes, whatever its type. */
function bytes(request: Test): Test {
  return request.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
}
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('printed documents: the forms of a case, the print pack, the register and provinces’ own templates', () => {
  let t: TestApp;
  let tree: OrganisationTree;
  let other: OrganisationTree;
  let admitted: string;
  let inReview: string;
  let admittedElsewhere: string;
  type Agent = Awaited<ReturnType<typeof account>>['agent'];
  let outsider: Agent;
  let secretary: Agent;

  beforeAll(async () => {
    t = await startTestApp({ today: '2026-01-14' });
    tree = await createOrganisationTree(t.http, { label: 'Thái Bình' });
    other = await createOrganisationTree(t.http, { label: 'Hưng Yên' });
    admitted = (await caseInProbation(t, tree.cellId)).id;
    admittedElsewhere = (await caseInProbation(t, other.cellId)).id;
    t.setToday('2026-01-14');
    inReview = (await caseInCellReview(t.http, tree.cellId, '2026-01-14', { fullName: 'Đặng Văn Hùng' })).id;
    t.setToday('2026-07-01');
    outsider = (await account(t, 'van-phong-hung-yen', other.provinceId, ['superior_officer'])).agent;
    secretary = (await account(t, 'bi-thu-thai-binh', tree.cellId, ['cell_secretary'])).agent;
  });
  afterAll(() => t?.close());

  it('lists the forms with whether the case has their data', async () => {
    const res = await t.http.get(`${API}/cases/${inReview}/documents`);
    expect(res.status).toBe(200);
    const byForm = Object.fromEntries((res.body as { form: string; available: boolean; title: string; template: unknown }[]).map((d) => [d.form, d]));
    expect(byForm['6-KND']).toMatchObject({ available: false, template: null, title: expect.stringContaining('6-KNĐ') });
    expect(byForm['9-KND']).toMatchObject({ available: false });
    const done = await t.http.get(`${API}/cases/${admitted}/documents`);
    const doneByForm = Object.fromEntries((done.body as { form: string; available: boolean }[]).map((d) => [d.form, d.available]));
    expect(doneByForm).toMatchObject({ '6-KND': true, '9-KND': true });
  });

  it('prints the admission decision as PDF, filled from the case, with its fingerprint in a header and a record', async () => {
    const res = await bytes(t.http.get(`${API}/cases/${admitted}/documents/9-KND?format=pdf`));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^inline; filename="9-KND-nguyen-thi-lan\.pdf"$/);
    const pdf = res.body as Buffer;
    expect(res.headers['x-document-sha256']).toBe(sha256(pdf));
    const text = pdfText(pdf);
    for (const expected of ['QUYẾT ĐỊNH', 'Nguyễn Thị Lan', 'Số: QĐ-1', 'ngày 10 tháng 02 năm 2026', '4/7 đồng chí, bằng 57,1%', 'ĐẢNG ỦY PHƯỜNG THÁI BÌNH', 'Chi bộ Thái Bình']) {
      expect(text).toContain(expected);
    }
    const records = await t.http.get(`${API}/cases/${admitted}/documents/records`);
    expect(records.status).toBe(200);
    const events = await t.http.get(`${API}/cases/${admitted}/events`);
    const head = (events.body as { seq: number; hash: string }[]).at(-1)!;
    expect(records.body[0]).toMatchObject({ kind: 'form', form: '9-KND', format: 'pdf', sha256: sha256(pdf), sizeBytes: pdf.length, historySeq: head.seq, historyHash: head.hash, templateId: null, builtinHash: expect.stringMatching(/^[0-9a-f]{16}$/), generatedBy: expect.objectContaining({ username: 'admin' }) });
    const traced = await t.http.get(`${API}/documents/by-sha256/${sha256(pdf)}`);
    expect(traced.body.map((r: { caseId: string }) => r.caseId)).toEqual([admitted]);
    expect((await outsider.get(`${API}/documents/by-sha256/${sha256(pdf)}`)).body).toEqual([]);
  });

  it('prints it as Word too, with the same text', async () => {
    const res = await bytes(t.http.get(`${API}/cases/${admitted}/documents/9-KND?format=docx`));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(WORD);
    expect(res.headers['content-disposition']).toMatch(/^attachment; /);
    const text = docxText(res.body as Buffer);
    for (const expected of ['QUYẾT ĐỊNH', 'Nguyễn Thị Lan', 'Số: QĐ-1', 'ngày 10 tháng 02 năm 2026']) expect(text).toContain(expected);
  });

  it('answers 422 DOCUMENT_NOT_AVAILABLE for a form the case has no data for, and records nothing', async () => {
    const before = (await t.http.get(`${API}/cases/${inReview}/documents/records`)).body.length;
    const res = await t.http.get(`${API}/cases/${inReview}/documents/9-KND`);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'DOCUMENT_NOT_AVAILABLE', form: '9-KND', messageVi: expect.stringContaining('9-KNĐ') });
    expect((await t.http.get(`${API}/cases/${inReview}/documents/records`)).body).toHaveLength(before);
  });

  it('answers 404 for an unknown form and 400 for an unknown format', async () => {
    for (const form of ['99-KND', '9-KNĐ', 'records2']) expect((await t.http.get(`${API}/cases/${admitted}/documents/${encodeURIComponent(form)}`)).status).toBe(404);
    const res = await t.http.get(`${API}/cases/${admitted}/documents/9-KND?format=xlsx`);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });

  it('keeps documents to the case’s subtree: 404 from another province', async () => {
    expect((await outsider.get(`${API}/cases/${admitted}/documents`)).status).toBe(404);
    expect((await outsider.get(`${API}/cases/${admitted}/documents/9-KND`)).status).toBe(404);
    expect((await outsider.get(`${API}/cases/${admitted}/documents/pack`)).status).toBe(404);
    expect((await secretary.get(`${API}/cases/${admitted}/documents/9-KND`)).status).toBe(200);
  });

  it('prints every form the case has data for in one PDF', async () => {
    const res = await bytes(t.http.get(`${API}/cases/${admitted}/documents/pack`));
    expect(res.status).toBe(200);
    const text = pdfText(res.body as Buffer);
    expect(text).toContain('NGHỊ QUYẾT');
    expect(text).toContain('QUYẾT ĐỊNH');
    // A case before its cell vote: the candidate's own forms and the dossier so far, not yet the cell's resolution.
    const early = pdfText((await bytes(t.http.get(`${API}/cases/${inReview}/documents/pack`))).body as Buffer);
    expect(early).toContain('ĐƠN XIN VÀO ĐẢNG');
    expect(early).toContain('Đặng Văn Hùng');
    expect(early).not.toContain('NGHỊ QUYẾT Đề nghị kết nạp');
  });

  it('prints the register of the admissions of a period, the day of the decision counted on both sides', async () => {
    const within = await bytes(t.http.get(`${API}/organisations/${tree.provinceId}/admissions-register?from=2026-02-10&to=2026-02-10`));
    expect(within.status).toBe(200);
    const text = pdfText(within.body as Buffer);
    expect(text).toContain('SỔ THEO DÕI KẾT NẠP ĐẢNG VIÊN');
    expect(text).toContain('Nguyễn Thị Lan');
    expect(text).toContain('QĐ-1, 10/02/2026');
    expect(text).toContain('02/03/2026');
    expect(text).not.toContain('Đặng Văn Hùng');
    for (const [from, to] of [['2026-02-11', '2026-12-31'], ['2026-01-01', '2026-02-09']]) {
      const outside = pdfText((await bytes(t.http.get(`${API}/organisations/${tree.provinceId}/admissions-register?from=${from}&to=${to}`))).body as Buffer);
      expect(outside).not.toContain('Nguyễn Thị Lan');
      expect(outside).toContain('Tổng số: 0');
    }
    const word = docxText((await bytes(t.http.get(`${API}/organisations/${tree.grassrootsId}/admissions-register?from=2026-01-01&to=2026-12-31&format=docx`))).body as Buffer);
    expect(word).toContain('Nguyễn Thị Lan');
    expect((await t.http.get(`${API}/organisations/${tree.provinceId}/admissions-register?from=2026-12-31&to=2026-01-01`)).status).toBe(400);
    expect((await outsider.get(`${API}/organisations/${tree.provinceId}/admissions-register?from=2026-01-01&to=2026-12-31`)).status).toBe(404);
  });

  describe('a province’s own Word template', () => {
    it('refuses unknown placeholders by name, a malformed tag and a file that is not Word, storing nothing', async () => {
      const unknown = await t.http
        .put(`${API}/organisations/${tree.provinceId}/document-templates/9-KND`)
        .set('Content-Type', WORD)
        .send(await wordTemplate(['Số {decision.no}', 'Ngày {ngay.ky} {candidate.nickname}', '{#sponsors}x{/sponsors}']));
      expect(unknown.status).toBe(422);
      expect(unknown.body).toMatchObject({ code: 'TEMPLATE_REFUSED', reason: 'TEMPLATE_PLACEHOLDER_UNKNOWN', placeholders: ['ngay.ky', 'candidate.nickname', 'sponsors'] });
      expect(unknown.body.messageVi).toContain('{ngay.ky}');
      const malformed = await t.http.put(`${API}/organisations/${tree.provinceId}/document-templates/9-KND`).set('Content-Type', WORD).send(await wordTemplate(['Số {decision.no']));
      expect(malformed.body).toMatchObject({ code: 'TEMPLATE_REFUSED', reason: 'TEMPLATE_SYNTAX' });
      const notWord = await t.http.put(`${API}/organisations/${tree.provinceId}/document-templates/9-KND`).set('Content-Type', WORD).send(Buffer.from('not a zip'));
      expect(notWord.body).toMatchObject({ code: 'TEMPLATE_REFUSED', reason: 'TEMPLATE_NOT_DOCX' });
      expect((await t.http.get(`${API}/organisations/${tree.provinceId}/document-templates`)).body).toEqual([]);
      expect((await secretary.put(`${API}/organisations/${tree.provinceId}/document-templates/9-KND`).set('Content-Type', WORD).send(await wordTemplate(['x']))).status).toBe(403);
      expect((await t.http.put(`${API}/organisations/${tree.provinceId}/document-templates/99-KND`).set('Content-Type', WORD).send(await wordTemplate(['x']))).status).toBe(404);
    });

    it('is used for the cases of its province and not for another province’s, each upload a new version', async () => {
      const v1 = await t.http
        .put(`${API}/organisations/${tree.provinceId}/document-templates/9-KND`)
        .set('Content-Type', WORD)
        .set('X-File-Name', encodeURIComponent('Mẫu 9-KNĐ tỉnh.docx'))
        .send(await wordTemplate(['Mẫu riêng của tỉnh, quyết định số {decision.no}', 'Ký ngày {decision.date}']));
      expect(v1.status).toBe(201);
      expect(v1.body).toMatchObject({ form: '9-KND', version: 1, fileName: 'Mẫu 9-KNĐ tỉnh.docx', retiredAt: null, placeholders: ['admissionBody.nameUpper', 'candidate.fullName', 'decision.no', 'decision.date'] });

      const mine = docxText((await bytes(t.http.get(`${API}/cases/${admitted}/documents/9-KND?format=docx`))).body as Buffer);
      expect(mine).toContain('Mẫu riêng của tỉnh, quyết định số QĐ-1');
      expect(mine).toContain('Họ và tên: Nguyễn Thị Lan');
      expect(mine).toContain('ĐẢNG ỦY PHƯỜNG THÁI BÌNH');
      expect(mine).not.toMatch(/\{[A-Za-z.]+\}/);
      const minePdf = pdfText((await bytes(t.http.get(`${API}/cases/${admitted}/documents/9-KND`))).body as Buffer);
      expect(minePdf).toContain('Mẫu riêng của tỉnh, quyết định số QĐ-1');
      expect(minePdf).toContain('Ký ngày 10/02/2026');

      const theirs = docxText((await bytes(t.http.get(`${API}/cases/${admittedElsewhere}/documents/9-KND?format=docx`))).body as Buffer);
      expect(theirs).not.toContain('Mẫu riêng của tỉnh');
      expect(theirs).toContain('Kết nạp đảng viên');

      const listed = (await t.http.get(`${API}/cases/${admitted}/documents`)).body.find((d: { form: string }) => d.form === '9-KND');
      expect(listed.template).toEqual({ version: 1, fileName: 'Mẫu 9-KNĐ tỉnh.docx', organisationId: tree.provinceId });
      const record = (await t.http.get(`${API}/cases/${admitted}/documents/records`)).body[0];
      expect(record).toMatchObject({ templateId: v1.body.id, templateVersion: 1, builtinHash: null });

      const v2 = await t.http.put(`${API}/organisations/${tree.provinceId}/document-templates/9-KND`).set('Content-Type', WORD).send(await wordTemplate(['Bản sửa lần hai {decision.no}']));
      expect(v2.body.version).toBe(2);
      const versions = (await t.http.get(`${API}/organisations/${tree.provinceId}/document-templates`)).body as { version: number; retiredAt: string | null }[];
      expect(versions.map((v) => [v.version, v.retiredAt === null])).toEqual([[2, true], [1, false]]);
      expect(docxText((await bytes(t.http.get(`${API}/cases/${admitted}/documents/9-KND?format=docx`))).body as Buffer)).toContain('Bản sửa lần hai QĐ-1');

      expect((await t.http.delete(`${API}/organisations/${tree.provinceId}/document-templates/9-KND`)).status).toBe(204);
      expect((await t.http.delete(`${API}/organisations/${tree.provinceId}/document-templates/9-KND`)).status).toBe(404);
      const builtIn = docxText((await bytes(t.http.get(`${API}/cases/${admitted}/documents/9-KND?format=docx`))).body as Buffer);
      expect(builtIn).not.toContain('Bản sửa lần hai');
      expect(builtIn).toContain('Kết nạp đảng viên');
    });

    it('lists the forms a template may replace, and documents its placeholders', async () => {
      const forms = (await t.http.get(`${API}/document-forms`)).body as { form: string; code: string }[];
      expect(forms.map((f) => f.form)).toEqual(Array.from({ length: 16 }, (_, i) => `${i + 1}-KND`));
      expect(forms[8]).toMatchObject({ form: '9-KND', code: '9-KNĐ', handwritten: false });
      const res = await t.http.get(`${API}/document-templates/placeholders`);
      expect(res.status).toBe(200);
      expect(res.body).toContainEqual({ name: 'candidate.fullName', description: 'Họ và tên người vào Đảng' });
      expect(res.body.find((p: { name: string }) => p.name === 'decision.no')).toBeDefined();
    });
  });
});
