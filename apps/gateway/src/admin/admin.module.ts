import { Module } from '@nestjs/common';
import { BootstrapModule } from '../bootstrap/bootstrap.module';
import { AdminResolver } from './admin.resolver';

@Module({ imports: [BootstrapModule], providers: [AdminResolver] })
export class AdminModule {}
