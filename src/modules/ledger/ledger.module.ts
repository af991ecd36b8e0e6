import { Module } from '@nestjs/common';
import { LedgerController } from './ledger.controller';
import { LedgerReadService } from './ledger-read.service';
import { LedgerService } from './ledger.service';

@Module({
  controllers: [LedgerController],
  providers: [LedgerService, LedgerReadService],
  exports: [LedgerService, LedgerReadService],
})
export class LedgerModule {}
