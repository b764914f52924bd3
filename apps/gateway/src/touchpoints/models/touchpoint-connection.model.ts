import { Field, Int, ObjectType } from '@nestjs/graphql';
import { TouchpointModel } from './touchpoint.model';

@ObjectType('TouchpointEdge')
export class TouchpointEdgeModel {
  @Field(() => String) cursor!: string;
  @Field(() => TouchpointModel) node!: TouchpointModel;
}

@ObjectType('PageInfo')
export class PageInfoModel {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ObjectType('TouchpointConnection')
export class TouchpointConnectionModel {
  @Field(() => [TouchpointEdgeModel]) edges!: TouchpointEdgeModel[];
  @Field(() => PageInfoModel) pageInfo!: PageInfoModel;
  @Field(() => Int, { description: 'the size of the whole (filtered) set' }) totalCount!: number;
}
