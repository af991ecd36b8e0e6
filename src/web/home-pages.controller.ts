import { Get, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Actor, isStaff } from '../common/auth/actor';
import { PageController } from './page-controller';
import { PageResponder } from './page-responder';
import { ProducerHomeService } from './pages/producer-home.service';
import { WorkQueueService } from './pages/work-queue.service';
import { PageActor, WebRequest } from './web-context';

/** The first page after sign-in: a producer's files and what is asked of them, or staff's work queue. */
@PageController()
export class HomePagesController {
  constructor(
    private readonly pages: PageResponder,
    private readonly producerHome: ProducerHomeService,
    private readonly queue: WorkQueueService,
  ) {}

  @Get()
  async home(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor) {
    if (isStaff(actor)) {
      return this.pages.render(req, res, 'queue', { title: 'Việc cần làm', sections: await this.queue.sections(actor) });
    }
    this.pages.render(req, res, 'home', await this.producerHome.model(actor));
  }
}
