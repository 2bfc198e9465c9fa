package io.chatapp.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.user.profile.entity.User;
import java.util.ServiceLoader;
import org.eclipse.jnosql.mapping.metadata.ClassScanner;
import org.junit.jupiter.api.Test;

class ApplicationClassScannerTest {

  @Test
  void findsTheEntitiesOfThisApplication() {
    ApplicationClassScanner scanner = new ApplicationClassScanner();
    assertThat(scanner.entities()).containsExactly(User.class);
    assertThat(scanner.repositories()).isEmpty();
    assertThat(scanner.embeddables()).isEmpty();
  }

  @Test
  void jnosqlFindsItBeforeItsOwnScanner() {
    assertThat(ServiceLoader.load(ClassScanner.class).findFirst())
        .containsInstanceOf(ApplicationClassScanner.class);
  }
}
