package io.chatapp.chat.realtime.control;

/**
 * {@link Presence}'s writes and reads as Redis scripts, each one atomic: a user's live count is
 * read and changed in one step, so two instances never disagree on who came online or went offline
 * last. Every script starts from {@link #LIVE}: a socket counts only while its instance is live
 * ({@code presence:instances} scores it by when it expires).
 */
final class PresenceScripts {

  /** How many sockets a user has on live instances: every script below starts with it. */
  static final String LIVE =
      """
      local function live(key, instances, now)
        local fields = redis.call('HGETALL', key)
        local total = 0
        for i = 1, #fields, 2 do
          local expiry = redis.call('ZSCORE', instances, fields[i])
          if expiry and tonumber(expiry) > now then total = total + tonumber(fields[i + 1]) end
        end
        return total
      end
      """;

  /** Counts the socket unless the user already has {@code max}; the live count before, or -1. */
  static final String CONNECT =
      LIVE
          + """
      local now = tonumber(ARGV[3])
      local total = live(KEYS[1], KEYS[3], now)
      if total >= tonumber(ARGV[4]) then return -1 end
      redis.call('HINCRBY', KEYS[1], ARGV[1], 1)
      redis.call('SADD', KEYS[2], ARGV[2])
      return total
      """;

  /** Uncounts the socket; the user's live count after it. */
  static final String DISCONNECT =
      LIVE
          + """
      if redis.call('HINCRBY', KEYS[1], ARGV[1], -1) <= 0 then
        redis.call('HDEL', KEYS[1], ARGV[1])
        redis.call('SREM', KEYS[2], ARGV[2])
      end
      return live(KEYS[1], KEYS[3], tonumber(ARGV[3]))
      """;

  /**
   * Takes a dead instance's sockets out (only the sweeper that removes it from the instances does
   * so); the users who have no live socket left.
   */
  static final String BURY =
      LIVE
          + """
      if redis.call('ZREM', KEYS[1], ARGV[1]) == 0 then return {} end
      local now = tonumber(ARGV[2])
      local gone = {}
      local users = redis.call('SMEMBERS', KEYS[2])
      for _, user in ipairs(users) do
        local key = ARGV[3] .. 'presence:user:' .. user
        redis.call('HDEL', key, ARGV[1])
        local viewing = ARGV[3] .. 'viewing:' .. user -- Viewing's keys: socket key to chat
        for _, socket in ipairs(redis.call('HKEYS', viewing)) do
          if string.sub(socket, 1, #ARGV[1] + 1) == ARGV[1] .. ':' then
            redis.call('HDEL', viewing, socket)
          end
        end
        if live(key, KEYS[1], now) == 0 then table.insert(gone, user) end
      end
      redis.call('DEL', KEYS[2])
      return gone
      """;

  /** Which of the users a live instance counts: 1 or 0 for each, in order. */
  static final String ONLINE =
      LIVE
          + """
      local now = tonumber(ARGV[1])
      local result = {}
      for k, key in ipairs(KEYS) do
        if live(key, ARGV[2], now) > 0 then result[k] = 1 else result[k] = 0 end
      end
      return result
      """;

  private PresenceScripts() {}
}
