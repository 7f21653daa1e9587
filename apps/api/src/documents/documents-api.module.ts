import { Module } from '@nestjs/common';
import { DocumentsModule } from '@charterflow/documents';
import { DocumentsController } from './documents.controller';

/** Printed documents over HTTP. */
@Module({ imports: [DocumentsModule], controllers: [DocumentsController] })
export class DocumentsApiModule {}
