import { LegalBasis, Permission } from '@crm/domain';
import { UserEntity } from '@crm/persistence';
import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor } from '../actors/actor.model';
import { CurrentUser, Requires } from '../auth/decorators';
import type { GraphqlContext } from '../auth/request-context';
import { Consent, RecordConsentInput, WithdrawConsentInput } from './consent.model';
import { ConsentService } from './consent.service';

/** Consent where a person's legal basis is CONSENT: recorded and withdrawn by WRITE_ACTORS, read as personal data. */
@Resolver(() => Actor)
@Requires(Permission.READ_PERSONAL_DATA)
export class ConsentResolver {
  constructor(private readonly service: ConsentService) {}

  @Mutation(() => Consent, {
    description: 'Records that a person (legal basis CONSENT, no open consent) gave their consent',
  })
  @Requires(Permission.WRITE_ACTORS)
  async recordConsent(@Args('input') input: RecordConsentInput, @CurrentUser() user: UserEntity) {
    return Consent.from(await this.service.record(input, user));
  }

  @Mutation(() => Consent, { description: "Records the withdrawal of a person's open consent" })
  @Requires(Permission.WRITE_ACTORS)
  async withdrawConsent(@Args('input') input: WithdrawConsentInput, @CurrentUser() user: UserEntity) {
    return Consent.from(await this.service.withdraw(input, user));
  }

  @ResolveField(() => [Consent], {
    description: "A person's consents, newest given first (empty for others)",
  })
  async consents(@Parent() actor: Actor, @Context() ctx: GraphqlContext): Promise<Consent[]> {
    if (actor.masked) return []; // a restricted person, seen by someone who may not see them
    return (await ctx.loaders.consents().load(actor.id)).map(Consent.from);
  }

  @ResolveField(() => Boolean, {
    description:
      'The legal basis is CONSENT and there is no open consent (withdrawn or never recorded): the person ' +
      'is not to be invited',
  })
  async consentWithdrawn(@Parent() actor: Actor, @Context() ctx: GraphqlContext): Promise<boolean> {
    if (actor.masked || actor.legalBasis !== LegalBasis.CONSENT) return false;
    const consents = await ctx.loaders.consents().load(actor.id);
    return !consents.some((c) => c.withdrawnOn === null);
  }
}
