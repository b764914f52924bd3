import { Module } from '@nestjs/common';
import { IngestionResolver } from './ingestion.resolver';
import { IngestionService } from './ingestion.service';

@Module({ providers: [IngestionService, IngestionResolver], exports: [IngestionService] })
export class IngestionModule {}
