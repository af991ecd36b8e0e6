import { Module } from '@nestjs/common';
import { AdminUnitsController } from './admin-units.controller';
import { AdminUnitsService } from './admin-units.service';

/** The national list of administrative units: read by anyone, below every module that takes a commune code. */
@Module({ controllers: [AdminUnitsController], providers: [AdminUnitsService], exports: [AdminUnitsService] })
export class AdminUnitsModule {}
