import { Global, Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { LoginThrottlerGuard } from './login-throttler.guard';

// Login attempts: at most QIHE_LOGIN_ATTEMPTS_PER_MINUTE per address and username.
const perMinute = Number(process.env.QIHE_LOGIN_ATTEMPTS_PER_MINUTE) || 30;

@Global()
@Module({
  imports: [ThrottlerModule.forRoot([{ name: 'login', ttl: 60_000, limit: perMinute }])],
  providers: [AuthService, AuthResolver, LoginThrottlerGuard],
  exports: [AuthService],
})
export class AuthModule {}
