//! Helpers shared by the integration tests: plain HTTP calls against a running sandbox.

use serde_json::Value;
use zoho_sandbox::Sandbox;

/// One answer: status, body text, and the body as JSON when it is JSON.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub text: String,
    pub json: Option<Value>,
}

impl Reply {
    /// The JSON body; panics with the text when there is none.
    pub fn body(&self) -> &Value {
        self.json
            .as_ref()
            .unwrap_or_else(|| panic!("not JSON ({}): {:?}", self.status, self.text))
    }

    /// `data[i].code`.
    pub fn code(&self, i: usize) -> &str {
        self.body()["data"][i]["code"].as_str().unwrap_or("")
    }
}

/// A request to build against a sandbox.
pub struct Call<'a> {
    sandbox: &'a Sandbox,
    method: &'a str,
    path: String,
    token: Option<String>,
    headers: Vec<(String, String)>,
    body: Option<String>,
}

/// Starts a request with the sandbox's all-scope token.
pub fn call<'a>(sandbox: &'a Sandbox, method: &'a str, path: &str) -> Call<'a> {
    Call {
        sandbox,
        method,
        path: path.to_string(),
        token: Some(sandbox.access_token().to_string()),
        headers: Vec::new(),
        body: None,
    }
}

impl Call<'_> {
    /// Uses this token instead (`None`: no `Authorization` header at all).
    pub fn token(mut self, token: Option<&str>) -> Self {
        self.token = token.map(str::to_string);
        self
    }

    /// Adds a header.
    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_string(), value.to_string()));
        self
    }

    /// Sends this raw body, without a `Content-Type` (as the official Python SDK does).
    pub fn body(mut self, body: &str) -> Self {
        self.body = Some(body.to_string());
        self
    }

    /// Sends this JSON body.
    pub fn json(self, body: Value) -> Self {
        self.body(&body.to_string())
    }

    /// Sends it and reads the whole answer.
    pub async fn send(self) -> Reply {
        self.try_send().await.expect("request failed")
    }

    /// Sends it; an error when the connection fails or the body cannot be read.
    pub async fn try_send(self) -> Result<Reply, reqwest::Error> {
        let method = reqwest::Method::from_bytes(self.method.as_bytes()).unwrap();
        let url = format!("{}{}", self.sandbox.base_url(), self.path);
        let mut request = reqwest::Client::new().request(method, url);
        if let Some(token) = &self.token {
            request = request.header("Authorization", format!("Zoho-oauthtoken {token}"));
        }
        for (k, v) in &self.headers {
            request = request.header(k, v);
        }
        if let Some(body) = self.body {
            request = request.body(body);
        }
        let response = request.send().await?;
        let status = response.status().as_u16();
        let text = response.text().await?;
        let json = serde_json::from_str(&text).ok();
        Ok(Reply { status, text, json })
    }
}

/// A sandbox with only the seeds' records: small and exactly known.
pub async fn seeds_only() -> Sandbox {
    Sandbox::builder()
        .generated_records(false)
        .start()
        .await
        .expect("sandbox starts")
}

/// A sandbox with the generated records too.
pub async fn full() -> Sandbox {
    Sandbox::start().await.expect("sandbox starts")
}
