import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ActorNames } from '@charterflow/access';
import { CaseQueries } from '@charterflow/cases';
import { Actor, BusinessDate, canonicalId, Clock, DomainException, sha256Hex } from '@charterflow/kernel';
import { OrganisationsService, type Scope } from '@charterflow/organisations';
import { DocumentContext } from './data/document-context';
import { DocumentBody, DocumentInput } from './data/document-input';
import { PLACEHOLDERS } from './data/placeholders';
import { checkWordTemplate, fillWordTemplate, TemplateRefused } from './custom/word-template';
import { readWordBlocks } from './custom/word-reader';
import { fillForm, formById, FORMS } from './forms/catalogue';
import { FormDefinition } from './forms/form';
import { DocumentModel } from './model/document';
import { admissionsRegister } from './register/admissions-register';
import { renderDocx } from './render/docx';
import { renderPdf } from './render/pdf';
import { AdmissionsRegisterRepository } from './store/admissions-register.repository';
import { DocumentRecord, DocumentRecordsRepository } from './store/document-records.repository';
import { DocumentTemplatesRepository, TemplateVersion } from './store/document-templates.repository';

export type DocumentFormat = 'pdf' | 'docx';
export const DOCUMENT_FORMATS: readonly DocumentFormat[] = ['pdf', 'docx'];

const CONTENT_TYPES: Record<DocumentFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** A generated file, ready to send. */
export interface GeneratedDocument {
  fileName: string;
  contentType: string;
  content: Buffer;
  record: DocumentRecord;
}

/** A form in the list of a case's documents. */
export interface CaseDocumentItem {
  form: string;
  code: string;
  title: string;
  available: boolean;
  handwritten: boolean;
  /** The organisation's uploaded template used for this case, if one is in force; null: the built-in form. */
  template: { version: number; fileName: string; organisationId: string } | null;
}

/** The built-in template's fingerprint: changes whenever the form's definition does. */
const builtinHash = (form: FormDefinition) => sha256Hex(JSON.stringify(form.blocks)).slice(0, 16);

/**
 * Printed documents (ADR 0021): the forms of a case filled from its history, as PDF or Word, from the built-in
 * template or the one an organisation above the case uploaded; the print pack; the admissions register; every file
 * generated recorded. Access is the case's (scoped: outside the subtree is NOT_FOUND).
 */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly cases: CaseQueries,
    private readonly organisations: OrganisationsService,
    private readonly actorNames: ActorNames,
    private readonly templates: DocumentTemplatesRepository,
    private readonly records: DocumentRecordsRepository,
    private readonly register: AdmissionsRegisterRepository,
    private readonly clock: Clock,
  ) {}

  /** The forms of the built-in set, each with whether this case has its data and which template it is printed from. */
  async list(caseId: string, scope: Scope): Promise<CaseDocumentItem[]> {
    const { input, chainIds } = await this.inputOf(caseId, scope);
    const custom = await this.templates.formsInForce(chainIds);
    const context = new DocumentContext(input);
    return FORMS.map((form) => {
      const template = custom.get(form.id);
      return {
        form: form.id,
        code: form.code,
        title: form.title,
        available: form.available(context),
        handwritten: Boolean(form.handwritten),
        template: template ? { version: template.version, fileName: template.fileName, organisationId: template.organisationId } : null,
      };
    });
  }

  /** One form of the case, filled, in the format asked; recorded. */
  async generate(caseId: string, formId: string, format: DocumentFormat, actor: Actor, scope: Scope): Promise<GeneratedDocument> {
    const form = formById(formId);
    if (!form) throw DomainException.notFound('Document form', formId);
    const { input, chainIds, view, head } = await this.inputOf(caseId, scope);
    const context = new DocumentContext(input);
    if (!form.available(context)) {
      throw new DomainException('DOCUMENT_NOT_AVAILABLE', `The case has no data for form ${form.code} yet.`, {
        form: form.id,
        messageVi: `Hồ sơ chưa có dữ liệu để in ${form.title}: bước tương ứng chưa được ghi nhận.`,
      });
    }
    const template = await this.templates.inForce(chainIds, form.id);
    const now = this.clock.now();
    let content: Buffer;
    if (template && format === 'docx') content = fillWordTemplate(template.content, context);
    else if (template) content = await renderPdf([fillForm(form, input, readWordBlocks(template.content))], { createdAt: now });
    else content = await this.render([fillForm(form, input)], format, now);
    const record = await this.recordOf({
      kind: 'form',
      caseId: view.id,
      organisationId: view.organisationId,
      form: form.id,
      format,
      templateId: template?.id ?? null,
      templateVersion: template?.version ?? null,
      builtinHash: template ? null : builtinHash(form),
      content,
      historySeq: head.seq,
      historyHash: head.hash,
      actor,
      now,
    });
    return { fileName: `${form.id}-${fileSafe(input.candidate.fullName)}.${format}`, contentType: CONTENT_TYPES[format], content, record };
  }

  /** Every form the case has data for, in procedure order, in one PDF (the candidate's own forms always are). */
  async pack(caseId: string, actor: Actor, scope: Scope): Promise<GeneratedDocument> {
    const { input, chainIds, view, head } = await this.inputOf(caseId, scope);
    const context = new DocumentContext(input);
    const models: DocumentModel[] = [];
    for (const form of FORMS.filter((f) => f.available(context))) {
      const template = await this.templates.inForce(chainIds, form.id);
      models.push(template ? fillForm(form, input, readWordBlocks(template.content)) : fillForm(form, input));
    }
    const now = this.clock.now();
    const content = await renderPdf(models, { createdAt: now });
    const record = await this.recordOf({ kind: 'pack', caseId: view.id, organisationId: view.organisationId, form: null, format: 'pdf', templateId: null, templateVersion: null, builtinHash: null, content, historySeq: head.seq, historyHash: head.hash, actor, now });
    return { fileName: `ho-so-${fileSafe(input.candidate.fullName)}.pdf`, contentType: CONTENT_TYPES.pdf, content, record };
  }

  /** The register of the admissions decided from `from` to `to` in an organisation's subtree. */
  async admissionsRegister(organisationId: string, from: BusinessDate, to: BusinessDate, format: DocumentFormat, actor: Actor, scope: Scope): Promise<GeneratedDocument> {
    if (to < from) throw DomainException.validation([{ field: 'to', message: 'to must be on or after from', messageVi: 'Ngày kết thúc phải từ ngày bắt đầu trở đi' }]);
    const body = await this.organisations.get(organisationId, scope);
    const chain = await this.organisations.ancestors(body.id);
    const named = (o: { name: string; kind: DocumentBody['kind'] } | undefined) => (o ? { name: o.name, kind: o.kind } : null);
    const path = [...chain, body];
    const entries = await this.register.entries(body.path, from, to);
    const now = this.clock.now();
    const model = admissionsRegister(
      { body: { name: body.name, kind: body.kind }, parent: named(path[path.length - 2]), province: named(path[0]), from, to, today: this.clock.today() },
      entries,
    );
    const content = await this.render([model], format, now);
    const record = await this.recordOf({ kind: 'register', caseId: null, organisationId: body.id, form: null, format, templateId: null, templateVersion: null, builtinHash: null, content, historySeq: null, historyHash: null, actor, now, periodFrom: from, periodTo: to });
    return { fileName: `so-theo-doi-ket-nap-${from}-${to}.${format}`, contentType: CONTENT_TYPES[format], content, record };
  }

  /** The documents generated for a case, newest first. */
  async recordsOf(caseId: string, scope: Scope): Promise<DocumentRecord[]> {
    const view = await this.cases.get(caseId, scope);
    return this.records.listByCase(view.id);
  }

  /** Which generated file a printed paper's fingerprint belongs to (within the subtree). */
  async trace(sha: string, scope: Scope): Promise<DocumentRecord[]> {
    if (!/^[0-9a-f]{64}$/.test(sha)) throw DomainException.validation([{ field: 'sha256', message: 'sha256 must be 64 lowercase hexadecimal digits' }]);
    return this.records.findByHash(sha, scope.pathPrefix);
  }

  /** Uploads a new version of an organisation's Word template of a form, checked first; the previous one retires. */
  async uploadTemplate(organisationId: string, formId: string, fileName: string, content: Buffer, actor: Actor, scope: Scope): Promise<TemplateVersion> {
    const form = formById(formId);
    if (!form) throw DomainException.notFound('Document form', formId);
    const organisation = await this.organisations.get(organisationId, scope);
    let placeholders: string[];
    try {
      placeholders = checkWordTemplate(content);
    } catch (error) {
      if (error instanceof TemplateRefused) throw templateRefusal(error);
      throw error;
    }
    return this.templates.insertVersion({
      id: randomUUID(),
      organisationId: organisation.id,
      form: form.id,
      fileName: fileName.trim().slice(0, 255) || `${form.id}.docx`,
      content,
      sha256: sha256Hex(content),
      placeholders,
      uploadedBy: { userId: actor.userId, username: actor.username, organisationId: actor.organisationId },
      uploadedAt: this.clock.now(),
    });
  }

  /** Every version of an organisation's templates. */
  async templatesOf(organisationId: string, scope: Scope): Promise<TemplateVersion[]> {
    const organisation = await this.organisations.get(organisationId, scope);
    return this.templates.listFor(organisation.id);
  }

  /** Retires the organisation's template of a form: the built-in one (or one from above) applies again. */
  async retireTemplate(organisationId: string, formId: string, scope: Scope): Promise<void> {
    const form = formById(formId);
    if (!form) throw DomainException.notFound('Document form', formId);
    const organisation = await this.organisations.get(organisationId, scope);
    if (!(await this.templates.retire(organisation.id, form.id, this.clock.now()))) throw DomainException.notFound('Document template', `${organisation.id}/${form.id}`);
  }

  /** The built-in forms, in procedure order. */
  forms(): { form: string; code: string; title: string; handwritten: boolean }[] {
    return FORMS.map((f) => ({ form: f.id, code: f.code, title: f.title, handwritten: Boolean(f.handwritten) }));
  }

  /** The placeholders a template may use, with what each prints. */
  placeholders(): { name: string; description: string }[] {
    return Object.entries(PLACEHOLDERS).map(([name, p]) => ({ name, description: p.vi }));
  }

  private render(models: DocumentModel[], format: DocumentFormat, now: Date): Promise<Buffer> {
    return format === 'pdf' ? renderPdf(models, { createdAt: now }) : renderDocx(models);
  }

  /** The case as the forms read it: candidate, membership, the chain of bodies, and the history with its signers. */
  private async inputOf(caseId: string, scope: Scope) {
    const view = await this.cases.get(caseId, scope);
    const [events, chain] = await Promise.all([this.cases.events(view.id, scope), this.organisations.ancestors(view.organisationId)]);
    const cell = await this.organisations.get(view.organisationId);
    const bodies = [...chain, cell];
    const named = await this.actorNames.name(events);
    const input: DocumentInput = {
      candidate: view.candidate,
      membership: view.membership,
      chain: bodies.map((b) => ({ name: b.name, kind: b.kind })),
      history: named.map((e) => ({
        type: e.type,
        occurredOn: e.occurredOn,
        payload: e.payload,
        signer: e.actor.kind === 'user' && canonicalId(e.actor.userId) ? { fullName: e.actor.fullName, title: e.actor.title } : null,
      })),
    };
    const last = events[events.length - 1];
    return { view, input, chainIds: bodies.map((b) => b.id), head: { seq: last?.seq ?? 0, hash: last?.hash ?? '' } };
  }

  private async recordOf(r: Omit<DocumentRecord, 'id' | 'sha256' | 'sizeBytes' | 'generatedBy' | 'generatedAt' | 'periodFrom' | 'periodTo'> & { content: Buffer; actor: Actor; now: Date; periodFrom?: string; periodTo?: string }): Promise<DocumentRecord> {
    const { content, actor, now, ...rest } = r;
    const record: DocumentRecord = {
      ...rest,
      id: randomUUID(),
      sha256: sha256Hex(content),
      sizeBytes: content.length,
      periodFrom: r.periodFrom ?? null,
      periodTo: r.periodTo ?? null,
      generatedBy: { kind: actor.kind, userId: actor.userId, username: actor.username, organisationId: actor.organisationId },
      generatedAt: now.toISOString(),
    };
    await this.records.insert({ ...record, generatedAt: now });
    return record;
  }
}

/** A file name of plain ASCII letters, digits and hyphens: "Nguyễn Thị Ánh" → "nguyen-thi-anh". */
function fileSafe(name: string): string {
  return (
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'ho-so'
  );
}

const REFUSALS_VI: Record<TemplateRefused['problem']['code'], (p: TemplateRefused['problem']) => string> = {
  TEMPLATE_NOT_DOCX: () => 'Tệp tải lên không phải văn bản Word (.docx).',
  TEMPLATE_SYNTAX: () => 'Mẫu có trường thay thế viết sai (thiếu dấu { hoặc }).',
  TEMPLATE_PLACEHOLDER_UNKNOWN: (p) => `Mẫu có trường thay thế không được hỗ trợ: ${p.code === 'TEMPLATE_PLACEHOLDER_UNKNOWN' ? p.placeholders.map((n) => `{${n}}`).join(', ') : ''}.`,
  TEMPLATE_WITHOUT_PLACEHOLDERS: () => 'Mẫu không có trường thay thế nào: không có gì được điền từ hồ sơ.',
};

function templateRefusal(error: TemplateRefused): DomainException {
  const { code, message, ...details } = error.problem;
  return new DomainException('TEMPLATE_REFUSED', message, { reason: code, ...details, messageVi: REFUSALS_VI[code](error.problem) });
}
