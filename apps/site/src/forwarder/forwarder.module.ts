import { Module } from '@nestjs/common';
import { ForwarderService } from './forwarder.service';

@Module({ providers: [ForwarderService], exports: [ForwarderService] })
export class ForwarderModule {}
