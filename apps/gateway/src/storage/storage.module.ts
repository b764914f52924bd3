import { Module } from '@nestjs/common';
import { TouchpointStorageService } from './touchpoint-storage.service';

@Module({ providers: [TouchpointStorageService], exports: [TouchpointStorageService] })
export class StorageModule {}
