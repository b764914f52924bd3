import { Query, Resolver } from '@nestjs/graphql';
import { ANY_USER } from '@qihe/domain';
import { Callers } from '@qihe/server';
import { PerceptionCatalogueService } from '../core/perception-catalogue.service';
import { SitePerceptionPointModel } from './models/site-perception-point.model';

@Resolver()
@Callers(...ANY_USER)
export class PerceptionPointsResolver {
  constructor(private readonly perception: PerceptionCatalogueService) {}

  /** The site's copy of the gateway's catalogue, in its order (served as last fetched while the gateway is away). */
  @Query(() => [SitePerceptionPointModel])
  perceptionPointCatalogue(): SitePerceptionPointModel[] {
    return [...this.perception.catalogue.points];
  }
}
