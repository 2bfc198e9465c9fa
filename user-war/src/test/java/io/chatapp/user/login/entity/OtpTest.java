package io.chatapp.user.login.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OtpTest {

  @Test
  void generatedCodesAreEightDigitsAndVary() {
    SecureRandom random = new SecureRandom();
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String code = Otp.generate(random).code();
      assertThat(code).matches("\\d{8}");
      codes.add(code);
    }
    assertThat(codes).hasSizeGreaterThan(990);
  }

  @Test
  void smallNumbersKeepTheirLeadingZeros() {
    Random zero =
        new SecureRandom() {
          @Override
          public int nextInt(int bound) {
            return 42;
          }
        };
    assertThat(Otp.generate((SecureRandom) zero).code()).isEqualTo("00000042");
  }

  @Test
  void everyDigitAppearsInEveryPosition() {
    SecureRandom random = new SecureRandom();
    int[][] seen = new int[8][10];
    for (int i = 0; i < 2000; i++) {
      String code = Otp.generate(random).code();
      for (int p = 0; p < 8; p++) {
        seen[p][code.charAt(p) - '0']++;
      }
    }
    for (int[] position : seen) {
      for (int count : position) {
        assertThat(count).isBetween(100, 320); // expected 200
      }
    }
  }

  @Test
  void matchesOnlyTheSameCode() {
    Otp otp = new Otp("01234567");
    assertThat(otp.matches("01234567")).isTrue();
    assertThat(otp.matches(" 01234567 ")).isTrue();
    assertThat(otp.matches("01234568")).isFalse();
    assertThat(otp.matches("1234567")).isFalse();
    assertThat(otp.matches("012345670")).isFalse();
    assertThat(otp.matches("")).isFalse();
    assertThat(otp.matches(null)).isFalse();
  }

  @Test
  void refusesWhatIsNotACode() {
    assertThatThrownBy(() -> new Otp("1234567")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Otp("1234567a")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Otp(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void longCodesAreTwelveCharactersOfAnUnambiguousAlphabetAndVary() {
    SecureRandom random = new SecureRandom();
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      Otp otp = Otp.generateLong(random);
      assertThat(otp.isLong()).isTrue();
      assertThat(otp.code()).matches("[A-HJKMNP-TV-Z2-9]{12}");
      assertThat(otp.display()).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
      codes.add(otp.code());
    }
    assertThat(codes).hasSize(1000);
  }

  @Test
  void aLongCodeMatchesAsMailedOrTypedWithoutDashesInEitherCase() {
    Otp otp = new Otp("ABCDEFGH2345");
    assertThat(otp.matches("ABCD-EFGH-2345")).isTrue();
    assertThat(otp.matches(" abcd efgh 2345 ")).isTrue();
    assertThat(otp.matches("abcdefgh2345")).isTrue();
    assertThat(otp.matches("ABCD-EFGH-2346")).isFalse();
    assertThat(otp.matches("ABCDEFGH234")).isFalse();
    assertThat(new Otp("12345678").display()).isEqualTo("12345678");
    assertThatThrownBy(() -> new Otp("ABCDEFGH234O")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void neverPrintsTheCode() {
    assertThat(new Otp("01234567").toString()).doesNotContain("01234567");
  }
}
