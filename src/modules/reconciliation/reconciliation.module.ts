import { Module } from '@nestjs/common';
import { RecordedMovements } from './recorded-movements';
import { ReconciliationController } from './reconciliation.controller';
import { ReconciliationService } from './reconciliation.service';

@Module({ controllers: [ReconciliationController], providers: [ReconciliationService, RecordedMovements], exports: [ReconciliationService] })
export class ReconciliationModule {}
