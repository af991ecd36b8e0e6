import { Module } from '@nestjs/common';
import { AdminUnitsModule } from '../admin-units/admin-units.module';
import { EstablishmentsController } from './establishments.controller';
import { EstablishmentsService } from './establishments.service';

@Module({ imports: [AdminUnitsModule], controllers: [EstablishmentsController], providers: [EstablishmentsService], exports: [EstablishmentsService] })
export class EstablishmentsModule {}
