import { Module } from '@nestjs/common';
import { LedgerController } from './ledger.controller';
import { LedgerReadService } from './ledger-read.service';
import { LedgerService } from './ledger.service';
import { ReversalRequestsService } from './reversal-requests.service';

@Module({
  controllers: [LedgerController],
  providers: [LedgerService, LedgerReadService, ReversalRequestsService],
  exports: [LedgerService, LedgerReadService, ReversalRequestsService],
})
export class LedgerModule {}
