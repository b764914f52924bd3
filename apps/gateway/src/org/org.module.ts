import { Module } from '@nestjs/common';
import { OrgUnitResolver } from './org-unit.resolver';

@Module({ providers: [OrgUnitResolver] })
export class OrgModule {}
