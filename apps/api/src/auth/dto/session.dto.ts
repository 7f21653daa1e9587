import { ApiProperty } from '@nestjs/swagger';
import { MeDto } from '../../users/dto/user.dto';

/** A browser session: the signed-in account and the token its writes carry in `X-CSRF-Token`. */
export class SessionDto {
  @ApiProperty({ description: 'Send it as the header X-CSRF-Token with every write made through the session cookie' })
  csrfToken: string;

  @ApiProperty({ type: MeDto })
  me: MeDto;
}
