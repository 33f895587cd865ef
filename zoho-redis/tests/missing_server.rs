//! Where `redis-server` is missing, a Redis test fails and says how to install it: it never
//! passes without a Redis. (Its own test binary: it empties `PATH` for the whole process.)

use zoho_redis::local_server::RedisServer;

#[test]
fn without_redis_server_the_error_says_how_to_install_it() {
    std::env::set_var("PATH", "");
    let error = RedisServer::start().unwrap_err();
    assert!(
        error.to_string().contains("apt-get install redis-server"),
        "{error}"
    );
}
