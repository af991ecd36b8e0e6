import { Global, Module } from '@nestjs/common';
import { TransactionRunner } from '../database/transaction';

/** Providers every module may inject: the transaction runner (Clock and AppConfig come from AppModule). */
@Global()
@Module({ providers: [TransactionRunner], exports: [TransactionRunner] })
export class CommonModule {}
