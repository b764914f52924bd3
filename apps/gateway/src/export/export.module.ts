import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { ScoresModule } from '../scores/scores.module';
import { TouchpointsModule } from '../touchpoints/touchpoints.module';
import { ExportController } from './export.controller';
import { ExportService } from './export.service';

@Module({ imports: [AuthModule, AuditModule, ScoresModule, TouchpointsModule], controllers: [ExportController], providers: [ExportService] })
export class ExportModule {}
