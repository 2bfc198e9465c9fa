package io.chatapp.system.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.system.Stack;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The page's store (store.js, messages.js) as Chromium runs it, driven with the events in the order
 * the network may deliver them: a read or delivered mark for a message can come before the page
 * knows that message by its server id (the sender's page learns it from the POST's answer or its
 * own message:new, and the recipient may have read it already). Such a mark must not be lost.
 */
class PageStoreBrowserIT {

  private static Browser browser;
  private static String frontend;

  @BeforeAll
  static void openThePage() throws Exception {
    frontend = Stack.browserUrl("frontend");
    browser = new Browser("store");
    browser.driver().get(frontend + "/login.xhtml");
  }

  @AfterAll
  static void close() {
    ChatPageSteps.closeAll(browser);
  }

  @Test
  void aReadBeforeTheSentMessageSettlesTicksItWhenItSettles() {
    Map<String, Object> result =
        run(
            "const store = new Store({_id: 'me', name: 'Me'});"
                + "store.setChats([{chat: {_id: 'c1', users: ['me', 'bob']}, user: {_id: 'bob', name: 'Bob'}}]);"
                + "store.setNewest('c1', [], false);"
                + "store.append('c1', {_id: 'local-1', clientId: 'k1', chatId: 'c1', sender: 'me', text: 'hi', pending: true});"
                + "store.read('c1', ['m1'], 'bob');"
                + "store.delivered('c1', ['m1'], 'bob');"
                + "const before = store.message('c1', 'm1');"
                + "store.settle(store.message('c1', 'local-1'), {_id: 'm1', clientId: 'k1', chatId: 'c1', sender: 'me', text: 'hi'});"
                + "const m = store.message('c1', 'm1');"
                + "return {before: before === null, seen: !!m.seen, delivered: !!m.delivered,"
                + " deliveredTo: (m.deliveredTo || []).length};");
    assertThat(result)
        .containsEntry("before", true)
        .containsEntry("seen", true)
        .containsEntry("delivered", true)
        .containsEntry("deliveredTo", 1L);
  }

  @Test
  void aGroupReadPositionBeforeItsMessageMarksEverythingUpToIt() {
    Map<String, Object> result =
        run(
            "const store = new Store({_id: 'me', name: 'Me'});"
                + "store.setChats([{chat: {_id: 'g1', isGroup: true, users: ['me', 'ann', 'bob']},"
                + " members: [{_id: 'ann', name: 'Ann'}, {_id: 'bob', name: 'Bob'}]}]);"
                + "store.setNewest('g1', [{_id: 'm1', chatId: 'g1', sender: 'me', text: 'one'}], false);"
                + "store.read('g1', ['m2'], 'ann');"
                + "const early = (store.message('g1', 'm1').readBy || []).length;"
                + "store.append('g1', {_id: 'm2', chatId: 'g1', sender: 'me', text: 'two'});"
                + "store.read('g1', ['m2'], 'ann');"
                + "return {early: early, m1: store.message('g1', 'm1').readBy.length,"
                + " m2: store.message('g1', 'm2').readBy.length};");
    assertThat(result).containsEntry("early", 0L).containsEntry("m1", 1L).containsEntry("m2", 1L);
  }

  @Test
  void marksForMessagesThatNeverComeAreBounded() {
    Map<String, Object> result =
        run(
            "const store = new Store({_id: 'me', name: 'Me'});"
                + "for (let i = 0; i < 5000; i++) { store.read('c9', ['x' + i], 'bob'); }"
                + "return {kept: store.thread('c9').early.size};");
    assertThat((Long) result.get("kept")).isPositive().isLessThanOrEqualTo(200L);
  }

  /** Runs the body with Store imported from the page's own module, and returns what it returns. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> run(String body) {
    return (Map<String, Object>)
        browser.asyncScript(
            "const done = arguments[arguments.length - 1];"
                + "import(arguments[0] + '/resources/js/chat/store.js')"
                + ".then(({Store}) => done((() => {"
                + body
                + "})()))"
                + ".catch((e) => done({error: String(e)}));",
            frontend);
  }
}
