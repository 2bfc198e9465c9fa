package io.chatapp.chat.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * A test class run against one {@link ChatHarness}, started once for the class (with its message
 * pipeline's consumers unless {@link #withPipeline()} says otherwise) and closed after it. A
 * subclass's own {@code @BeforeAll} runs after this one, so it can build on {@link #stack}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class HarnessTest {

  protected ChatHarness stack;

  /** Whether the tests need the pipeline's consumers running. */
  protected boolean withPipeline() {
    return true;
  }

  @BeforeAll
  void startHarness() throws Exception {
    stack = new ChatHarness();
    if (withPipeline()) {
      stack.startPipeline();
    }
  }

  @AfterAll
  void closeHarness() throws Exception {
    if (stack != null) {
      stack.close();
    }
  }
}
