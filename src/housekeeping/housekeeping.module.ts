import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { ApplicationsModule } from '../modules/applications/applications.module';
import { WebModule } from '../web/web.module';
import { HousekeepingService } from './housekeeping.service';

/**
 * Scheduled upkeep. It sits above the feature modules and the pages (each job is the method of
 * the module that owns the rows: the web's sessions, identity's tokens, applications' files), so
 * nothing below imports it.
 */
@Module({
  imports: [ScheduleModule.forRoot(), ApplicationsModule, WebModule],
  providers: [HousekeepingService],
  exports: [HousekeepingService],
})
export class HousekeepingModule {}
