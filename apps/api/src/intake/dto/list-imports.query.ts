import { DEFAULT_IMPORT_PAGE_SIZE, MAX_IMPORT_PAGE_SIZE } from '@charterflow/intake';
import { PageQuery } from '../../common/validation/page-query';

/** `GET /imports`: a page of the imports of the caller's subtree, newest first. */
export class ListImportsQuery extends PageQuery(MAX_IMPORT_PAGE_SIZE, DEFAULT_IMPORT_PAGE_SIZE) {}
